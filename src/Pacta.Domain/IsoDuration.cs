using System.Globalization;
using System.Text.RegularExpressions;

namespace Pacta.Domain;

/// <summary>
/// An ISO 8601 duration such as <c>PT24H</c>, <c>P10Y</c> or <c>P6M</c>. Calendar parts (years, months)
/// are added first, then days and clock time; month arithmetic clamps to the month's last day
/// (31 January + P1M = 28/29 February), the same rule as <see cref="DateTime.AddMonths"/>.
/// </summary>
[JsonWith("Duration")] // ISO 8601 text
public sealed partial record IsoDuration(int Years, int Months, int Days, int Hours, int Minutes, int Seconds)
{
    [GeneratedRegex(@"^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = new IsoDuration(0, 0, 0, 0, 0, 0);
        if (string.IsNullOrEmpty(text)) return false;
        var m = Pattern().Match(text);
        if (!m.Success) return false;
        int Part(int i) => m.Groups[i].Success ? int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture) : 0;
        try
        {
            duration = new IsoDuration(Part(1), Part(2), checked(Part(3) * 7 + Part(4)), Part(5), Part(6), Part(7)) { Text = text };
        }
        catch (Exception e) when (e is OverflowException or FormatException)
        {
            return false;
        }
        return true;
    }

    public static IsoDuration Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"'{text}' is not an ISO 8601 duration");

    public string Text { get; init; } = "";

    /// <summary>
    /// The instant <paramref name="start"/> + this duration. A result after 9999-12-31 (the calendar's end) saturates
    /// to <see cref="DateTimeOffset.MaxValue"/>, which means "beyond 9999": arithmetic never throws.
    /// </summary>
    public DateTimeOffset AddTo(DateTimeOffset start)
    {
        if (FarFromTheEnd(start.Year))
            return start.AddYears(Years).AddMonths(Months).AddDays(Days).AddHours(Hours).AddMinutes(Minutes).AddSeconds(Seconds);
        try
        {
            return start.AddYears(Years).AddMonths(Months).AddDays(Days).AddHours(Hours).AddMinutes(Minutes).AddSeconds(Seconds);
        }
        catch (ArgumentOutOfRangeException)
        {
            return DateTimeOffset.MaxValue;
        }
    }

    /// <summary>The day <paramref name="start"/> + this duration; after 9999-12-31 it saturates to <see cref="DateOnly.MaxValue"/>.</summary>
    public DateOnly AddTo(DateOnly start)
    {
        if (FarFromTheEnd(start.Year)) return start.AddYears(Years).AddMonths(Months).AddDays(Days);
        try
        {
            return start.AddYears(Years).AddMonths(Months).AddDays(Days);
        }
        catch (ArgumentOutOfRangeException)
        {
            return DateOnly.MaxValue;
        }
    }

    /// <summary>True when the duration is longer than <paramref name="years"/> years (counted from 0001-01-01).</summary>
    public bool LongerThanYears(int years) =>
        AddTo(DateTimeOffset.MinValue) > new DateTimeOffset(1 + years, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // An upper bound on the years the duration spans: when start + bound stays below 9999 the plain calendar
    // arithmetic cannot overflow, so the common case needs no exception handler on the hot path.
    private bool FarFromTheEnd(int startYear)
    {
        if (Years < 0 || Months < 0 || Days < 0 || Hours < 0 || Minutes < 0 || Seconds < 0) return false;
        var years = (long)Years + Months / 12 + 1 + (Days + Hours / 24L + Minutes / 1440L + Seconds / 86400L) / 365 + 1;
        return startYear + years < 9999;
    }

    public override string ToString() => Text.Length > 0 ? Text : "P0D";
}
