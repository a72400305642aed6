using System.Globalization;
using Pacta.Domain;

namespace Pacta.Evaluation;

/// <summary>
/// The words a comparison shows for encoded values ("24 h", "1 year's notice", "Ukraine within its 1991 borders,
/// incl. Crimea and Sevastopol"), made once here so the CLI and the web app print the same text.
/// </summary>
public static class ComparisonWords
{
    /// <summary>A duration in words: <c>PT24H</c> → "24 h", <c>P1Y</c> → "1 year", <c>P6M</c> → "6 months".</summary>
    public static string Duration(IsoDuration d)
    {
        var parts = new List<string>();
        if (d.Years > 0) parts.Add(Count(d.Years, "year"));
        if (d.Months > 0) parts.Add(Count(d.Months, "month"));
        if (d.Days > 0) parts.Add(Count(d.Days, "day"));
        if (d.Hours > 0) parts.Add($"{N(d.Hours)} h");
        if (d.Minutes > 0) parts.Add($"{N(d.Minutes)} min");
        if (d.Seconds > 0) parts.Add($"{N(d.Seconds)} s");
        return parts.Count == 0 ? "no time" : string.Join(" ", parts);
    }

    /// <summary>A notice period in words: "1 year's notice", "6 months' notice".</summary>
    public static string Notice(IsoDuration d)
    {
        var text = Duration(d);
        return text.EndsWith('s') ? $"{text}' notice" : $"{text}'s notice";
    }

    /// <summary>"24 h to meet" from a deadline and the obligation's action (its first word, the verb).</summary>
    public static string DeadlineFor(Obligation o)
    {
        var verb = o.Action.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.TrimEnd(',', '.', ';', ':') ?? "";
        var d = Duration(o.Deadline!);
        return verb.Length == 0 ? d : $"{d} to {verb.ToLowerInvariant()}";
    }

    /// <summary>
    /// A trigger scope in words (<paramref name="target"/>: the one state a trigger protects, for "Ukraine's territory"). A scope whose lists equal a named region's reads as that region's name; a region
    /// item reads as its name; a code as the location's name; subdivisions named beside their own country read as
    /// "(incl. …)" after it (UA, UA-43 → "Ukraine (incl. Avtonomna Respublika Krym)").
    /// </summary>
    public static string Scope(LocationIndex locations, Scope s, string? target = null)
    {
        var own = target is null ? "the target's territory" : $"{target}'s territory";
        if (s.Include.Count == 0) return s.Exclude.Count == 0 ? own : $"{own} except {Names(locations, s.Exclude)}";
        var region = locations.Regions.FirstOrDefault(r => SameSet(r.Include, s.Include) && SameSet(r.Exclude, s.Exclude)
            && r.Continents.Count == 0 && r.NorthOf is null && r.SouthOf is null && !r.IslandsOnly);
        if (region is not null) return region.Name;
        var text = Names(locations, s.Include);
        return s.Exclude.Count == 0 ? text : $"{text} except {Names(locations, s.Exclude)}";
    }

    private static string Names(LocationIndex locations, IReadOnlyList<string> items)
    {
        var parts = new List<string>();
        var countries = items.Where(i => !i.StartsWith("region:", StringComparison.Ordinal) && !i.Contains('-')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            if (item.StartsWith("region:", StringComparison.Ordinal)) { parts.Add(locations.FindRegion(item[7..])?.Name ?? item); continue; }
            var loc = locations.Find(item);
            if (loc is { IsSubdivision: true } && countries.Contains(loc.Country)) continue;
            var name = loc?.Name ?? item;
            var subs = items.Select(locations.Find).OfType<Location>().Where(l => l.IsSubdivision && !l.Code.Equals(item, StringComparison.OrdinalIgnoreCase)
                && l.Country.Equals(item, StringComparison.OrdinalIgnoreCase)).Select(l => l.Name).ToList();
            parts.Add(subs.Count == 0 ? name : $"{name} (incl. {List(subs)})");
        }
        return string.Join(", ", parts);
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    /// <summary>
    /// An encoded sentence as a clause inside a table cell: without its final full stop, and with a leading article in
    /// lower case ("The US President decides …" → "the US President decides …"); names keep their capital.
    /// </summary>
    public static string Sentence(string text)
    {
        var t = text.Trim().TrimEnd('.');
        foreach (var article in (string[])["The ", "A ", "An "])
            if (t.StartsWith(article, StringComparison.Ordinal)) return char.ToLowerInvariant(t[0]) + t[1..];
        return t;
    }

    public static string List(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Join("", items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    private static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == b.Count && a.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(b);

    private static string Count(int n, string unit) => $"{N(n)} {unit}{(n == 1 ? "" : "s")}";

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
