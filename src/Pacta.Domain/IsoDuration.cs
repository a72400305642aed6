using System.Globalization;
using System.Text.RegularExpressions;

namespace Pacta.Domain;

/// <summary>
/// An ISO 8601 duration such as <c>PT24H</c>, <c>P10Y</c> or <c>P6M</c>. Calendar parts (years, months)
/// are added first, then days and clock time; month arithmetic clamps to the month's last day
/// (31 January + P1M = 28/29 February), the same rule as <see cref="DateTime.AddMonths"/>.
/// </summary>
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

    public bool HasClockPart => Hours != 0 || Minutes != 0 || Seconds != 0;

    public DateTimeOffset AddTo(DateTimeOffset start) =>
        start.AddYears(Years).AddMonths(Months).AddDays(Days).AddHours(Hours).AddMinutes(Minutes).AddSeconds(Seconds);

    public DateOnly AddTo(DateOnly start) => start.AddYears(Years).AddMonths(Months).AddDays(Days);

    public override string ToString() => Text.Length > 0 ? Text : "P0D";
}
