using Pacta.Domain;

namespace Pacta.Datasets;

/// <summary>
/// The frame of every dyad of state-system members in each year, with the alliance columns empty: a pair
/// counts in a year when both states are system members on at least one common day of that year.
/// Rows come sorted by ccode1, ccode2, year and are produced lazily (2.25 million directed rows for 1816–2025).
/// </summary>
public static class AllPairs
{
    public static IEnumerable<DyadYear> Directed(IEnumerable<State> states, YearRange years) => Rows(states, years, directed: true);

    public static IEnumerable<DyadYear> Undirected(IEnumerable<State> states, YearRange years) => Rows(states, years, directed: false);

    /// <summary>The number of rows <see cref="Directed"/> or <see cref="Undirected"/> yields, without building them.</summary>
    public static long Count(IEnumerable<State> states, YearRange years, bool directed)
    {
        var m = new SystemYears(states, years);
        long n = 0;
        for (var i = 0; i < m.Count; i++)
        for (var j = directed ? 0 : i + 1; j < m.Count; j++)
        {
            if (i == j) continue;
            for (var k = 0; k < years.Count; k++) if (m.Together(i, j, k)) n++;
        }
        return n;
    }

    private static IEnumerable<DyadYear> Rows(IEnumerable<State> states, YearRange years, bool directed)
    {
        var m = new SystemYears(states, years);
        for (var i = 0; i < m.Count; i++)
        for (var j = directed ? 0 : i + 1; j < m.Count; j++)
        {
            if (i == j) continue;
            for (var k = 0; k < years.Count; k++)
            {
                if (m.Together(i, j, k)) yield return new DyadYear(m.Code(i), m.Code(j), years.From + k, AllianceObligations.None);
            }
        }
    }

    /// <summary>Per state and year: not a member, member all year, or member part of the year (then check days).</summary>
    private sealed class SystemYears
    {
        private const byte Out = 0, Full = 1, Part = 2;
        private readonly int[] _codes;
        private readonly (DateOnly From, DateOnly To)[][] _spells;
        private readonly byte[] _status;
        private readonly YearRange _years;

        public SystemYears(IEnumerable<State> states, YearRange years)
        {
            _years = years;
            var ordered = states
                .Select(s => (s.Cow, Spells: s.Spells.Select(p => (From: p.From ?? DateOnly.MinValue, To: p.To ?? DateOnly.MaxValue)).Where(p => p.From <= p.To).ToArray()))
                .Where(s => s.Spells.Any(p => p.From.Year <= years.To && p.To.Year >= years.From))
                .OrderBy(s => s.Cow)
                .ToList();
            _codes = ordered.Select(s => s.Cow).ToArray();
            _spells = ordered.Select(s => s.Spells).ToArray();
            _status = new byte[_codes.Length * years.Count];
            for (var i = 0; i < _codes.Length; i++)
            for (var k = 0; k < years.Count; k++)
            {
                var (jan1, dec31) = YearDays(years.From + k);
                byte st = Out;
                foreach (var (from, to) in _spells[i])
                {
                    if (from <= jan1 && to >= dec31) { st = Full; break; }
                    if (from <= dec31 && to >= jan1) st = Part;
                }
                _status[i * years.Count + k] = st;
            }
        }

        public int Count => _codes.Length;

        public int Code(int i) => _codes[i];

        public bool Together(int i, int j, int k)
        {
            var a = _status[i * _years.Count + k];
            var b = _status[j * _years.Count + k];
            if (a == Out || b == Out) return false;
            if (a == Full && b == Full) return true;
            var (jan1, dec31) = YearDays(_years.From + k);
            foreach (var (f1, t1) in _spells[i])
            foreach (var (f2, t2) in _spells[j])
            {
                var from = Max(Max(f1, f2), jan1);
                var to = Min(Min(t1, t2), dec31);
                if (from <= to) return true;
            }
            return false;
        }

        private static (DateOnly, DateOnly) YearDays(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    }
}
