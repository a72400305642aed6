using System.Globalization;
using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

/// <summary>
/// The COW major powers (majors2016.csv: one row per spell). Spells that end on 2016-12-31, the end of COW's
/// coverage, are taken as still running, as the state registry does for system membership.
/// </summary>
public sealed class MajorPowers(IReadOnlyList<(int Cow, DateSpan Span)> spells)
{
    public static readonly DateOnly CoverageEnd = new(2016, 12, 31);

    public IReadOnlyList<(int Cow, DateSpan Span)> Spells { get; } = spells;

    public static MajorPowers Parse(TextReader reader)
    {
        var header = (reader.ReadLine() ?? "").Split(',');
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new FormatException($"majors file: no column '{name}'");
        int cc = Col("ccode"), sy = Col("styear"), sm = Col("stmonth"), sd = Col("stday"), ey = Col("endyear"), em = Col("endmonth"), ed = Col("endday");
        var list = new List<(int, DateSpan)>();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Trim().Length == 0) continue;
            var f = text.Split(',');
            int I(int i) => int.TryParse(f[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"majors file line {line}: '{f[i]}' is not a number");
            var from = new DateOnly(I(sy), I(sm), I(sd));
            var to = new DateOnly(I(ey), I(em), I(ed));
            list.Add((I(cc), new DateSpan(from, to >= CoverageEnd ? null : to)));
        }
        return new MajorPowers(list);
    }

    public HashSet<int> On(DateOnly day) => Spells.Where(s => s.Span.Contains(day)).Select(s => s.Cow).ToHashSet();
}
