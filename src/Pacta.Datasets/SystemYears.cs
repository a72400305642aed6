using System.Runtime.CompilerServices;
using Pacta.Domain;

namespace Pacta.Datasets;

/// <summary>
/// State-system membership by state and year: out, in all year, or in part of the year (then the days decide
/// whether two states overlap). States are ordered by COW code.
/// </summary>
/// <remarks>
/// Written with plain arrays and loops rather than LINQ and tuples: generic code over value types is not in the
/// ReadyToRun image, and compiling it at start-up cost more than the work itself.
/// </remarks>
internal sealed class SystemYears
{
    private const byte Out = 0, Full = 1, Part = 2;
    private readonly Spell[][] _spells;
    private readonly byte[] _status;

    /// <summary>One spell of membership, inclusive; open ends are DateOnly.MinValue / MaxValue.</summary>
    private readonly struct Spell(DateOnly from, DateOnly to)
    {
        public readonly DateOnly From = from;
        public readonly DateOnly To = to;
    }

    public SystemYears(IEnumerable<State> states, YearRange years)
    {
        Years = years;
        var codes = new int[16];
        var spells = new Spell[16][];
        var count = 0;
        foreach (var s in states)
        {
            var list = new Spell[s.Spells.Count];
            var n = 0;
            var inRange = false;
            for (var i = 0; i < list.Length; i++)
            {
                var p = s.Spells[i];
                var spell = new Spell(p.From ?? DateOnly.MinValue, p.To ?? DateOnly.MaxValue);
                if (spell.From > spell.To) continue;
                list[n++] = spell;
                inRange |= spell.From.Year <= years.To && spell.To.Year >= years.From;
            }
            if (!inRange) continue;
            if (n < list.Length) Array.Resize(ref list, n);
            if (count == codes.Length)
            {
                Array.Resize(ref codes, count * 2);
                Array.Resize(ref spells, count * 2);
            }
            // Insertion by COW code keeps the states ordered (a couple of hundred of them).
            var at = count++;
            while (at > 0 && codes[at - 1] > s.Cow)
            {
                codes[at] = codes[at - 1];
                spells[at] = spells[at - 1];
                at--;
            }
            codes[at] = s.Cow;
            spells[at] = list;
        }
        Array.Resize(ref codes, count);
        Array.Resize(ref spells, count);
        Codes = codes;
        _spells = spells;
        _status = new byte[count * years.Count];
        First = new int[count];
        Last = new int[count];
        for (var i = 0; i < count; i++)
        {
            First[i] = int.MaxValue;
            Last[i] = -1;
            for (var k = 0; k < years.Count; k++)
            {
                var jan1 = new DateOnly(years.From + k, 1, 1);
                var dec31 = new DateOnly(years.From + k, 12, 31);
                var st = Out;
                foreach (var p in _spells[i])
                {
                    if (p.From <= jan1 && p.To >= dec31) { st = Full; break; }
                    if (p.From <= dec31 && p.To >= jan1) st = Part;
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
    public bool Together(int i, int j, int k, byte si, byte sj)
    {
        if (si == Out || sj == Out) return false;
        if (si == Full && sj == Full) return true;
        var jan1 = new DateOnly(Years.From + k, 1, 1);
        var dec31 = new DateOnly(Years.From + k, 12, 31);
        foreach (var a in _spells[i])
            foreach (var b in _spells[j])
            {
                var from = Max(Max(a.From, b.From), jan1);
                var to = Min(Min(a.To, b.To), dec31);
                if (from <= to) return true;
            }
        return false;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
