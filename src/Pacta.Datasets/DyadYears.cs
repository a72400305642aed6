namespace Pacta.Datasets;

/// <summary>
/// Dyad-year generators over <see cref="AllianceInput"/>s (codebook §2.6–2.7): every ordered pair of members
/// of the same alliance phase whose spells share at least one day, in every year from the later entry to the
/// earlier exit; what A owes B is A's obligations toward B; across alliances the promises add up.
/// </summary>
public static class DyadYears
{
    /// <summary>The table of directed obligations for <paramref name="years"/>; members with non-COW codes are left out.</summary>
    public static DirectedDyadTable CreateDirectedTable(IEnumerable<AllianceInput> alliances, YearRange years)
    {
        var list = alliances.ToList();
        var states = list.SelectMany(a => a.Members).Select(m => m.State).Where(DirectedDyadTable.IsCowCode).ToList();
        var table = new DirectedDyadTable(states, years);
        foreach (var alliance in list) AddAlliance(table, alliance, years);
        return table;
    }

    /// <summary>ATOP-style directed dyad-years: one row per ordered pair sharing an alliance, sorted.</summary>
    public static IReadOnlyList<DyadYear> CreateDirected(IEnumerable<AllianceInput> alliances, YearRange years) =>
        CreateDirectedTable(alliances, years).DirectedRows().ToList();

    /// <summary>ATOP-style non-directed dyad-years (ccode1 &lt; ccode2), sorted.</summary>
    public static IReadOnlyList<DyadYear> CreateUndirected(IEnumerable<AllianceInput> alliances, YearRange years) =>
        CreateDirectedTable(alliances, years).UndirectedRows().ToList();

    /// <summary>
    /// Fills the ATOP columns of a frame (e.g. <see cref="AllPairs.Directed"/>) from <paramref name="table"/>;
    /// pairs that share no alliance keep 0. Undirected frames take the promises of either side.
    /// </summary>
    public static IEnumerable<DyadYear> AddAtop(IEnumerable<DyadYear> frame, DirectedDyadTable table, bool directed = true)
    {
        foreach (var row in frame)
        {
            var v = table.Get(row.Ccode1, row.Ccode2, row.Year);
            if (!directed) v |= table.Get(row.Ccode2, row.Ccode1, row.Year);
            yield return row with { Obligations = v };
        }
    }

    private static void AddAlliance(DirectedDyadTable table, AllianceInput alliance, YearRange years)
    {
        var members = alliance.Members.Where(m => DirectedDyadTable.IsCowCode(m.State)).ToList();
        var phases = members.GroupBy(m => m.Phase).OrderBy(g => g.Key).ToList();
        if (phases.Count == 1)
        {
            EachPairYear(phases[0].ToList(), years, (a, b, y, v) => table.Or(a, b, y, v));
            return;
        }
        // Several phases: for a pair and year only the highest phase they share counts, so a renewal that
        // drops a promise in November removes it for that whole year (ATOP 1155 and 1362 in 1857 and 1888).
        var latest = new Dictionary<(int, int, int), (int Phase, AllianceObligations Value)>();
        foreach (var phase in phases)
        {
            EachPairYear(phase.ToList(), years, (a, b, y, v) =>
            {
                latest[(a, b, y)] = latest.TryGetValue((a, b, y), out var old) && old.Phase == phase.Key
                    ? (phase.Key, old.Value | v)
                    : (phase.Key, v);
            });
        }
        foreach (var ((a, b, y), (_, v)) in latest) table.Or(a, b, y, v);
    }

    private static void EachPairYear(List<AllianceMemberSpell> members, YearRange years, Action<int, int, int, AllianceObligations> emit)
    {
        foreach (var a in members)
        foreach (var b in members)
        {
            if (a.State == b.State || !a.Overlaps(b)) continue;
            var first = Math.Max(Math.Max(a.From.Year, b.From.Year), years.From);
            var last = Math.Min(Math.Min(a.LastDay.Year, b.LastDay.Year), years.To);
            var v = a.ObligationsToward(b.State) | AllianceObligations.Allied;
            for (var y = first; y <= last; y++) emit(a.State, b.State, y, v);
        }
    }
}
