using System.Globalization;

namespace Pacta.Evaluation.Validation;

/// <summary>
/// COW Direct Contiguity 3.2 master records (contdir.csv): spells of contiguity between two states, by month, with
/// their type (1 land or river; 2, 3, 4, 5 separated by at most 12, 24, 150, 400 miles of water).
/// </summary>
public sealed class Contiguity
{
    private readonly Dictionary<(int, int), List<(int Type, int Begin, int End)>> _spells = new();

    public static Contiguity Parse(string text)
    {
        var c = new Contiguity();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new FormatException($"contiguity file line 1: no column '{name}'");
        int lo = Col("statelno"), hi = Col("statehno"), type = Col("conttype"), begin = Col("begin"), end = Col("end");
        for (var l = 1; l < lines.Length; l++)
        {
            if (lines[l].Trim().Length == 0) continue;
            var f = lines[l].Split(',');
            int I(int i) => i < f.Length && int.TryParse(f[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
                : throw new FormatException($"contiguity file line {l + 1}: column {header[i]} is not a number");
            c.Add(I(lo), I(hi), I(type), I(begin), I(end));
        }
        return c;
    }

    /// <summary>The last month COW codes (spells still in effect end there).</summary>
    public const int CoverageEnd = 201612;

    /// <summary>Adds a spell; one that runs to the end of COW's coverage is taken as still running (no state border has changed since).</summary>
    public void Add(int a, int b, int type, int beginYyyyMm, int endYyyyMm)
    {
        if (endYyyyMm >= CoverageEnd) endYyyyMm = int.MaxValue;
        var key = a < b ? (a, b) : (b, a);
        if (!_spells.TryGetValue(key, out var list)) _spells[key] = list = [];
        list.Add((type, beginYyyyMm, endYyyyMm));
    }

    /// <summary>The closest contiguity type of the pair in the month of <paramref name="day"/>, or null when not contiguous.</summary>
    public int? Type(int a, int b, DateOnly day)
    {
        if (!_spells.TryGetValue(a < b ? (a, b) : (b, a), out var list)) return null;
        var ym = day.Year * 100 + day.Month;
        int? best = null;
        foreach (var (t, begin, end) in list)
            if (begin <= ym && ym <= end && (best is null || t < best)) best = t;
        return best;
    }

    /// <summary>Contiguous by land, river or at most 24 miles of water (types 1–3) in the month of <paramref name="day"/>.</summary>
    public bool Near(int a, int b, DateOnly day) => Type(a, b, day) is <= 3;
}
