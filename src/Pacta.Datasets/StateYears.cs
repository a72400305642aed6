namespace Pacta.Datasets;

/// <summary>
/// State-year generator (codebook §2.5): a state appears in every year in which it belongs to some alliance;
/// its flags are its own promises (what it promised, not what others promised it); NUMBER counts alliances;
/// TRANSYR marks a year in which one of its memberships starts or ends. Within an alliance, a year takes the
/// promises of the highest phase the state belongs to in that year.
/// </summary>
public static class StateYears
{
    /// <param name="seam">
    /// A day on which spells start only because a record was cut there (the first day after the ATOP release,
    /// where Pacta's encoding takes over): such a start is no transition.
    /// </param>
    public static IReadOnlyList<StateYear> Create(IEnumerable<AllianceInput> alliances, YearRange years, DateOnly? seam = null)
    {
        var cells = new Dictionary<(int State, int Year), Cell>();
        foreach (var alliance in alliances)
            foreach (var m in alliance.Members)
            {
                if (!DirectedDyadTable.IsCowCode(m.State)) continue;
                var first = Math.Max(m.From.Year, years.From);
                var last = Math.Min(m.LastDay.Year, years.To);
                for (var y = first; y <= last; y++)
                {
                    if (!cells.TryGetValue((m.State, y), out var cell)) cells[(m.State, y)] = cell = new Cell();
                    cell.Add(alliance.Id, m.Phase, m.Obligations & AllianceObligations.AtopKinds);
                    if ((y == m.From.Year && m.From != seam) || (m.To is { } to && y == to.Year)) cell.Transition = true;
                }
            }
        return cells
            .OrderBy(kv => kv.Key.State).ThenBy(kv => kv.Key.Year)
            .Select(kv => kv.Value.ToRow(kv.Key.State, kv.Key.Year))
            .ToList();
    }

    private sealed class Cell
    {
        private readonly SortedDictionary<int, (int Phase, AllianceObligations Obligations)> _byAlliance = new();
        public bool Transition;

        public void Add(int alliance, int phase, AllianceObligations promises)
        {
            if (!_byAlliance.TryGetValue(alliance, out var old) || old.Phase < phase) _byAlliance[alliance] = (phase, promises);
            else if (old.Phase == phase) _byAlliance[alliance] = (phase, old.Obligations | promises);
        }

        public StateYear ToRow(int state, int year)
        {
            var flags = AllianceObligations.None;
            foreach (var (_, p) in _byAlliance.Values) flags |= p;
            return new StateYear(state, year, flags, _byAlliance.Count, Transition, _byAlliance.Keys.ToList());
        }
    }
}
