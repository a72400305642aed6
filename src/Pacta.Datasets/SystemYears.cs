using System.Runtime.CompilerServices;
using Pacta.Domain;

namespace Pacta.Datasets;

/// <summary>
/// State-system membership by state and year: out, in all year, or in part of the year (then the days decide
/// whether two states overlap). States are ordered by COW code.
/// </summary>
internal sealed class SystemYears
{
    private const byte Out = 0, Full = 1, Part = 2;
    private readonly (DateOnly From, DateOnly To)[][] _spells;
    private readonly byte[] _status;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SystemYears(IEnumerable<State> states, YearRange years)
    {
        Years = years;
        var ordered = states
            .Select(s => (s.Cow, Spells: s.Spells.Select(p => (From: p.From ?? DateOnly.MinValue, To: p.To ?? DateOnly.MaxValue)).Where(p => p.From <= p.To).ToArray()))
            .Where(s => s.Spells.Any(p => p.From.Year <= years.To && p.To.Year >= years.From))
            .OrderBy(s => s.Cow)
            .ToList();
        Codes = ordered.Select(s => s.Cow).ToArray();
        _spells = ordered.Select(s => s.Spells).ToArray();
        _status = new byte[Codes.Length * years.Count];
        First = new int[Codes.Length];
        Last = new int[Codes.Length];
        for (var i = 0; i < Codes.Length; i++)
        {
            First[i] = int.MaxValue;
            Last[i] = -1;
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
                if (st == Out) continue;
                First[i] = Math.Min(First[i], k);
                Last[i] = k;
            }
        }
    }

    public YearRange Years { get; }

    /// <summary>COW codes, ascending.</summary>
    public int[] Codes { get; }

    /// <summary>First and last year index in which each state is a member (First &gt; Last if never).</summary>
    public int[] First { get; }
    public int[] Last { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Status(int i) => _status.AsSpan(i * Years.Count, Years.Count);

    /// <summary>Whether states i and j (both members in year index k) share a day of that year.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Together(int i, int j, int k, byte si, byte sj)
    {
        if (si == Out || sj == Out) return false;
        if (si == Full && sj == Full) return true;
        var (jan1, dec31) = YearDays(Years.From + k);
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
