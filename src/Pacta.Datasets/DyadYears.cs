namespace Pacta.Datasets;

/// <summary>
/// Dyad-year generators over <see cref="AllianceInput"/>s (codebook §2.6–2.7): every ordered pair of members
/// of the same alliance phase that were members together (<see cref="AllianceMemberSpell.Overlaps"/>), in every
/// year from the later entry to the earlier exit; what A owes B is A's obligations toward B; across alliances the
/// promises add up.
/// </summary>
public static class DyadYears
{
    /// <summary>The table of directed obligations for <paramref name="years"/>; members with non-COW codes are left out.</summary>
    public static DirectedDyadTable CreateDirectedTable(IEnumerable<AllianceInput> alliances, YearRange years) =>
        CreateDirectedTable(alliances as IReadOnlyList<AllianceInput> ?? alliances.ToList(), [], years);

    /// <summary>
    /// The table over both lists, in one pass; the cells that alliances of <paramref name="pacta"/> contribute to
    /// also carry <see cref="AllianceObligations.Pacta"/> (the provenance behind the <c>source</c> column).
    /// </summary>
    /// <remarks>
    /// Cells that an alliance in <paramref name="unreviewed"/> contributes to from <paramref name="continuedFrom"/>
    /// on carry <see cref="AllianceObligations.Unreviewed"/>: an ATOP alliance continued past the release by assumption.
    /// </remarks>
    internal static DirectedDyadTable CreateDirectedTable(IReadOnlyList<AllianceInput> alliances, IReadOnlyList<AllianceInput> pacta, YearRange years,
        IReadOnlySet<int>? unreviewed = null, int continuedFrom = int.MaxValue)
    {
        var present = new bool[DirectedDyadTable.CowCodeLimit];
        Mark(alliances, present);
        Mark(pacta, present);
        var table = new DirectedDyadTable(present, years);
        var scratch = new Scratch();
        foreach (var alliance in alliances)
        {
            var mark = unreviewed is not null && unreviewed.Contains(alliance.Id) ? AllianceObligations.Unreviewed : AllianceObligations.None;
            AddAlliance(table, alliance, years, mark, continuedFrom, scratch);
        }
        foreach (var alliance in pacta) AddAlliance(table, alliance, years, AllianceObligations.Pacta, int.MinValue, scratch);
        return table;
    }

    private static void Mark(IReadOnlyList<AllianceInput> alliances, bool[] present)
    {
        foreach (var alliance in alliances)
            foreach (var m in alliance.Members)
            {
                if (DirectedDyadTable.IsCowCode(m.State)) present[m.State] = true;
            }
    }

    /// <summary>ATOP-style directed dyad-years: one row per ordered pair sharing an alliance, sorted.</summary>
    public static IReadOnlyList<DyadYear> CreateDirected(IEnumerable<AllianceInput> alliances, YearRange years) =>
        CreateDirectedTable(alliances, years).DirectedRows().ToList();

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

    /// <summary>Working arrays reused across alliances: state → local index, and the pair-year cells.</summary>
    private sealed class Scratch
    {
        public readonly int[] Local = new int[DirectedDyadTable.CowCodeLimit];
        public int[] Phase = [];
        public byte[] Value = [];
        public AllianceMemberSpell[] Members = [];
        public int[] States = [];
    }

    /// <summary>
    /// Adds one alliance through a small dense scratch (its members × members × its years) that keeps, per pair
    /// and year, the highest phase seen: for a pair and year only the highest phase they share counts, so a
    /// renewal that drops a promise in November removes it for that whole year (ATOP 1155 in 1857, 1362 in 1888).
    /// The outcome does not depend on the order of the spells (highest phase wins, promises of equal phases add).
    /// </summary>
    private static void AddAlliance(DirectedDyadTable table, AllianceInput alliance, YearRange years, AllianceObligations mark, int markFrom, Scratch s)
    {
        var all = alliance.Members;
        if (s.Members.Length < all.Count) s.Members = new AllianceMemberSpell[all.Count];
        if (s.States.Length < all.Count) s.States = new int[all.Count];
        var members = s.Members;
        var count = 0;
        var n = 0;
        int y0 = int.MaxValue, y1 = int.MinValue;
        foreach (var m in all)
        {
            if (!DirectedDyadTable.IsCowCode(m.State)) continue;
            members[count++] = m;
            y0 = Math.Min(y0, m.From.Year);
            y1 = Math.Max(y1, m.LastDay.Year);
        }
        if (count < 2) return;
        y0 = Math.Max(years.From, y0);
        y1 = Math.Min(years.To, y1);
        if (y1 < y0) return;
        // Local index + 1 per state, 0 while unseen (reset at the end for the next alliance).
        var local = s.Local;
        var states = s.States;
        for (var x = 0; x < count; x++)
        {
            var st = members[x].State;
            if (local[st] != 0) continue;
            states[n] = st;
            local[st] = ++n;
        }
        var ny = y1 - y0 + 1;
        var size = n * n * ny;
        if (s.Value.Length < size)
        {
            s.Value = new byte[size];
            s.Phase = new int[size];
        }
        else Array.Clear(s.Value, 0, size);
        var phase = s.Phase;
        var value = s.Value;
        var exitDayEnds = alliance.ExitDayEndsMembership;
        for (var x = 0; x < count; x++)
        {
            var a = members[x];
            for (var z = 0; z < count; z++)
            {
                var b = members[z];
                if (a.Phase != b.Phase || a.State == b.State || !a.Overlaps(b, exitDayEnds)) continue;
                var first = Math.Max(Math.Max(a.From.Year, b.From.Year), y0);
                var last = Math.Min(Math.Min(a.LastDay.Year, b.LastDay.Year), y1);
                var v = (byte)(a.ObligationsToward(b.State) | AllianceObligations.Allied);
                var cell = ((local[a.State] - 1) * n + local[b.State] - 1) * ny - y0;
                // A cell is empty while its value is 0 (a set value always has the Allied bit).
                for (var y = first; y <= last; y++)
                {
                    var c = cell + y;
                    if (value[c] == 0 || phase[c] < a.Phase) { phase[c] = a.Phase; value[c] = v; }
                    else if (phase[c] == a.Phase) value[c] |= v;
                }
            }
        }
        var cells = table.Cells;
        var markBits = (byte)mark;
        for (var i = 0; i < n; i++)
        {
            var ti = table.IndexOf(states[i]);
            for (var j = 0; j < n; j++)
            {
                if (i == j) continue;
                var at = table.PairStart(ti, table.IndexOf(states[j])) + (y0 - years.From);
                var cell = (i * n + j) * ny;
                for (var k = 0; k < ny; k++)
                {
                    var v = value[cell + k];
                    if (v != 0) cells[at + k] |= (byte)(y0 + k >= markFrom ? v | markBits : v);
                }
            }
        }
        for (var i = 0; i < n; i++) local[states[i]] = 0;
    }
}
