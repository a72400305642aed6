using Pacta.Domain;

namespace Pacta.Cli.Rendering;

/// <summary>The readings of contested clauses a result used, as "Reading:" fields (what-if, cascade).</summary>
public static class ReadingsText
{
    /// <summary>One line per clause and reading: the post-war gate recurs in some thirty agreements.</summary>
    public static void Fields(IEnumerable<(string Agreement, AppliedReading Reading)> applied)
    {
        foreach (var g in applied.GroupBy(x => (x.Reading.Clause.Id, x.Reading.Reading, x.Reading.IsDefault)))
        {
            var agreements = g.Select(x => x.Agreement).Distinct().ToList();
            Output.Field("Reading", $"{g.Key.Id} = {g.Key.Reading}{(g.Key.IsDefault ? " (default)" : "")}; also {string.Join(", ", g.SelectMany(x => x.Reading.Alternatives).Distinct())} — "
                + (agreements.Count <= 3 ? string.Join(", ", agreements) : $"{agreements.Count} agreements"));
        }
    }

    /// <summary>The readings applied to every agreement of a corpus that has contested clauses, in id order.</summary>
    public static IEnumerable<(string Agreement, AppliedReading Reading)> Of(IEnumerable<Agreement> agreements) =>
        agreements.Where(a => a.Applied.Count > 0).OrderBy(a => a.Id, StringComparer.Ordinal).SelectMany(a => a.Applied.Select(x => (a.Id, x)));
}
