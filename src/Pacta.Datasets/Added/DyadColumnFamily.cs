namespace Pacta.Datasets.Added;

/// <summary>The column families <c>pacta dyads --add</c> joins onto dyad-years, named as peacesciencer's verbs are.</summary>
[Flags]
public enum DyadColumnFamily
{
    None = 0,

    /// <summary><c>conttype</c>: COW direct contiguity 3.2 (peacesciencer's <c>add_contiguity()</c>).</summary>
    Contiguity = 1,

    /// <summary><c>cowmaj1</c>, <c>cowmaj2</c>: COW major powers v2016 (<c>add_cow_majors()</c>).</summary>
    Majors = 2,

    /// <summary><c>gmlmidonset</c>, <c>gmlmidongoing</c>: GML MIDs 2.2.1 (<c>add_gml_mids()</c>).</summary>
    Mids = 4,

    /// <summary><c>cowinterongoing</c>, <c>cowinteronset</c>: COW inter-state wars 4.0 (<c>add_cow_wars(type = "inter")</c>).</summary>
    Wars = 8,
}

/// <summary>Parsing of the family list (<c>contiguity,majors,mids</c>) and the columns each family writes.</summary>
public static class DyadColumnFamilies
{
    /// <summary>The family names in the order their columns are written, whatever order the user lists them in.</summary>
    public static readonly IReadOnlyList<(string Name, DyadColumnFamily Family, string[] Columns)> All =
    [
        ("contiguity", DyadColumnFamily.Contiguity, ["conttype"]),
        ("majors", DyadColumnFamily.Majors, ["cowmaj1", "cowmaj2"]),
        ("mids", DyadColumnFamily.Mids, ["gmlmidonset", "gmlmidongoing"]),
        ("wars", DyadColumnFamily.Wars, ["cowinterongoing", "cowinteronset"]),
    ];

    public static string ValidNames => string.Join(", ", All.Select(f => f.Name));

    /// <summary>
    /// Reads a comma-separated list of family names (case-insensitive, repeats allowed); null and the message
    /// naming the valid families when a name is unknown or the list is empty.
    /// </summary>
    public static DyadColumnFamily? Parse(string text, out string? error)
    {
        var result = DyadColumnFamily.None;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var match = All.FirstOrDefault(f => string.Equals(f.Name, part, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                error = part.Length == 0
                    ? $"an empty column family in '{text}'; expected a comma-separated list of {ValidNames}"
                    : $"unknown column family '{part}'; expected a comma-separated list of {ValidNames}";
                return null;
            }
            result |= match.Family;
        }
        error = null;
        return result;
    }

    /// <summary>The column names of <paramref name="families"/>, in writing order.</summary>
    public static IReadOnlyList<string> Columns(DyadColumnFamily families) =>
        [.. All.Where(f => (families & f.Family) != 0).SelectMany(f => f.Columns)];
}
