using System.Globalization;
using System.Runtime.CompilerServices;

namespace Pacta.Datasets.Atop;

/// <summary>Reads typed, validated values from one CSV row, recording a located error for each bad field.</summary>
internal sealed class AtopRowReader(CsvTable table, Dictionary<string, int> columns, List<AtopError> errors)
{
    private CsvRow? _row;
    public int Line => _row?.Line ?? 0;

    public void Start(CsvRow row) => _row = row;

    public int Column(string name) => columns[name] + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<char> Text(string name) => _row!.Field(columns[name]).Trim();

    public void Error(string column, string code, string message) =>
        errors.Add(new AtopError(table.File, Line, Column(column), code, message));

    /// <summary>An integer; null when missing (an error unless the column may be missing) or invalid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int? Int(string name, int min = 0, int max = int.MaxValue, string rangeCode = "atop-bad-code")
    {
        var text = Text(name);
        if (text.Length == 1 && text[0] is >= '0' and <= '9')
        {
            var digit = text[0] - '0';
            if (digit >= min && digit <= max) return digit;
        }
        if (AtopColumns.IsMissingCode(text))
        {
            if (!AtopColumns.MayBeMissing.Contains(name))
            {
                Error(name, "atop-missing-value", text.Length == 0
                    ? $"{name} is missing; ATOP always codes it"
                    : $"{name} is the missing-value code '{text.ToString()}'; ATOP always codes it");
            }
            return null;
        }
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Error(name, "atop-not-numeric", $"{name} must be a whole number, not '{text.ToString()}'");
            return null;
        }
        if (value < min || value > max)
        {
            Error(name, rangeCode, $"{name} = {value} is outside {min}–{max}");
            return null;
        }
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Dummy(string name) => Int(name, 0, 1) == 1;

    /// <summary>A year/month/day triple; null if any part is invalid (errors recorded). Day may be missing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public AtopDate? Date(string year, string month, string day)
    {
        var y = Int(year, 1000, 9999, "atop-bad-date");
        var m = Int(month, 1, 12, "atop-bad-date");
        var d = Int(day, 1, 31, "atop-bad-date");
        if (y is null || m is null) return null;
        if (d is { } dd && dd > DateTime.DaysInMonth(y.Value, m.Value))
        {
            Error(day, "atop-bad-date", $"{year}/{month}/{day} = {y}-{m}-{dd} is not a calendar day");
            return null;
        }
        return new AtopDate(y.Value, m.Value, d);
    }

    /// <summary>An exit date that must be zero (or missing) when the alliance is still in effect.</summary>
    public AtopDate? ExitDate(string year, string month, string day, bool inEffect)
    {
        if (!inEffect) return Date(year, month, day);
        foreach (var c in new[] { year, month, day })
        {
            var text = Text(c);
            if (!text.SequenceEqual("0") && !AtopColumns.IsMissingCode(text))
                Error(c, "atop-bad-date", $"{c} must be 0 while ineffect = 1 (still in effect), not '{text.ToString()}'");
        }
        return null;
    }

    public string Raw(string name) => Text(name).ToString();
}
