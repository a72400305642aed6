using System.Runtime.CompilerServices;

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
    public static IEnumerable<DyadYear> AddAtop(IEnumerable<DyadYear> frame, DirectedDyadTable table, bool directed = true) =>
        frame is DyadFrame f && f.Directed == directed ? f.WithAtop(table) : Join(frame, table, directed);

    private static IEnumerable<DyadYear> Join(IEnumerable<DyadYear> frame, DirectedDyadTable table, bool directed)
    {
        foreach (var row in frame)
        {
            var v = table.Get(row.Ccode1, row.Ccode2, row.Year);
            if (!directed) v |= table.Get(row.Ccode2, row.Ccode1, row.Year);
            yield return row with { Obligations = v };
        }
    }

    /// <summary>
    /// Adds one alliance through a small dense scratch (its members × members × its years) that keeps, per pair
    /// and year, the highest phase seen: for a pair and year only the highest phase they share counts, so a
    /// renewal that drops a promise in November removes it for that whole year (ATOP 1155 in 1857, 1362 in 1888).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddAlliance(DirectedDyadTable table, AllianceInput alliance, YearRange years)
    {
        var members = alliance.Members.Where(m => DirectedDyadTable.IsCowCode(m.State)).OrderBy(m => m.Phase).ToList();
        if (members.Count < 2) return;
        var y0 = Math.Max(years.From, members.Min(m => m.From.Year));
        var y1 = Math.Min(years.To, members.Max(m => m.LastDay.Year));
        if (y1 < y0) return;
        var states = members.Select(m => m.State).Distinct().ToArray();
        var local = new Dictionary<int, int>();
        for (var i = 0; i < states.Length; i++) local[states[i]] = i;
        var n = states.Length;
        var ny = y1 - y0 + 1;
        var phase = new int[n * n * ny];
        Array.Fill(phase, int.MinValue);
        var value = new byte[n * n * ny];
        foreach (var a in members)
            foreach (var b in members)
            {
                if (a.Phase != b.Phase || a.State == b.State || !a.Overlaps(b)) continue;
                var first = Math.Max(Math.Max(a.From.Year, b.From.Year), y0);
                var last = Math.Min(Math.Min(a.LastDay.Year, b.LastDay.Year), y1);
                var v = (byte)(a.ObligationsToward(b.State) | AllianceObligations.Allied);
                var cell = (local[a.State] * n + local[b.State]) * ny - y0;
                for (var y = first; y <= last; y++)
                {
                    var c = cell + y;
                    if (phase[c] < a.Phase) { phase[c] = a.Phase; value[c] = v; }
                    else if (phase[c] == a.Phase) value[c] |= v;
                }
            }
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var cell = (i * n + j) * ny;
                for (var k = 0; k < ny; k++)
                {
                    if (value[cell + k] != 0) table.Or(states[i], states[j], y0 + k, (AllianceObligations)value[cell + k]);
                }
            }
    }
}
