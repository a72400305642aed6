using System.Runtime.CompilerServices;
namespace Pacta.Datasets;

/// <summary>
/// What each state owes each other state in each year, for the states that appear in some alliance:
/// a dense states × states × years table, so that lookups while joining onto a large frame cost one index.
/// Cells carry <see cref="AllianceObligations.Allied"/> when the pair shares any alliance that year.
/// </summary>
public sealed class DirectedDyadTable
{
    /// <summary>COW codes run 2–990; codes at or above this bound (e.g. ATOP's 8152 for Annam) are not COW states.</summary>
    public const int CowCodeLimit = 1000;

    private readonly int[] _indexOf;
    private readonly int[] _states;
    private readonly byte[] _cells;
    private readonly int _years;

    /// <param name="present">Indexed by COW code: whether the state has a row and column.</param>
    internal DirectedDyadTable(bool[] present, YearRange years)
    {
        var n = 0;
        foreach (var p in present) n += p ? 1 : 0;
        _states = new int[n];
        _indexOf = new int[CowCodeLimit];
        n = 0;
        for (var code = 0; code < present.Length; code++)
        {
            _indexOf[code] = -1;
            if (!present[code]) continue;
            _indexOf[code] = n;
            _states[n++] = code;
        }
        Years = years;
        _years = years.Count;
        _cells = new byte[(long)_states.Length * _states.Length * _years];
    }

    public YearRange Years { get; }

    /// <summary>The states that have a row or column in the table, ascending.</summary>
    public IReadOnlyList<int> States => _states;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsCowCode(int code) => code > 0 && code < CowCodeLimit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Cell(int i, int j, int year) => ((long)i * _states.Length + j) * _years + (year - Years.From);

    /// <summary>What <paramref name="from"/> owes <paramref name="to"/> in <paramref name="year"/> (with the Allied bit).</summary>
    public AllianceObligations Get(int from, int to, int year)
    {
        if (!IsCowCode(from) || !IsCowCode(to) || !Years.Contains(year)) return AllianceObligations.None;
        var i = _indexOf[from];
        var j = _indexOf[to];
        return i < 0 || j < 0 ? AllianceObligations.None : (AllianceObligations)_cells[Cell(i, j, year)];
    }

    /// <summary>The dense index of a state, or -1 when it is in no alliance.</summary>
    internal int IndexOf(int code) => IsCowCode(code) ? _indexOf[code] : -1;

    /// <summary>All cells, and where the years of the ordered pair (i, j) start in them, for tight loops.</summary>
    internal byte[] Cells => _cells;

    internal long PairStart(int i, int j) => Cell(i, j, Years.From);

    /// <summary>
    /// Writes the table for a cache: states, years, then only the ordered pairs with a non-zero cell (most pairs
    /// share no alliance), each as its index and its years' bytes. <see cref="Read"/> gives back the same cells.
    /// </summary>
    public void Write(BinaryWriter w)
    {
        w.Write(Years.From);
        w.Write(Years.To);
        w.Write(_states.Length);
        foreach (var s in _states) w.Write(s);
        var pairs = _states.Length * _states.Length;
        var used = 0;
        for (var p = 0; p < pairs; p++) used += Used(p) ? 1 : 0;
        w.Write(used);
        for (var p = 0; p < pairs; p++)
        {
            if (!Used(p)) continue;
            w.Write(p);
            w.Write(_cells, p * _years, _years);
        }
    }

    private bool Used(int pair) => _cells.AsSpan(pair * _years, _years).ContainsAnyExcept((byte)0);

    /// <summary>A table written by <see cref="Write"/>; throws <see cref="InvalidDataException"/> on anything out of range.</summary>
    public static DirectedDyadTable Read(BinaryReader r)
    {
        var years = new YearRange(r.ReadInt32(), r.ReadInt32());
        var n = r.ReadInt32();
        if (years.Count is <= 0 or > 10_000 || n is < 0 or > CowCodeLimit || (long)n * n * years.Count > 1L << 28)
            throw new InvalidDataException("table shape out of range");
        var present = new bool[CowCodeLimit];
        var last = 0;
        for (var i = 0; i < n; i++)
        {
            var code = r.ReadInt32();
            if (!IsCowCode(code) || code <= last) throw new InvalidDataException("table states out of order");
            present[code] = true;
            last = code;
        }
        var table = new DirectedDyadTable(present, years);
        var used = r.ReadInt32();
        var pairs = n * n;
        if (used < 0 || used > pairs) throw new InvalidDataException("table pairs out of range");
        for (var k = 0; k < used; k++)
        {
            var p = r.ReadInt32();
            if ((uint)p >= (uint)pairs || r.Read(table._cells, p * table._years, table._years) != table._years) throw new InvalidDataException("table pair out of range");
        }
        return table;
    }

    /// <summary>Directed rows for every pair that shares an alliance, sorted by ccode1, ccode2, year.</summary>
    public IEnumerable<DyadYear> DirectedRows()
    {
        var n = _states.Length;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var b = Cell(i, j, Years.From);
                for (var k = 0; k < _years; k++)
                {
                    var v = (AllianceObligations)_cells[b + k];
                    if ((v & AllianceObligations.Allied) != 0) yield return new DyadYear(_states[i], _states[j], Years.From + k, v);
                }
            }
    }

    /// <summary>Non-directed rows (ccode1 &lt; ccode2): a promise counts when either state makes it to the other (§2.6).</summary>
    public IEnumerable<DyadYear> UndirectedRows()
    {
        var n = _states.Length;
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
            {
                var b1 = Cell(i, j, Years.From);
                var b2 = Cell(j, i, Years.From);
                for (var k = 0; k < _years; k++)
                {
                    var v = (AllianceObligations)(_cells[b1 + k] | _cells[b2 + k]);
                    if ((v & AllianceObligations.Allied) != 0) yield return new DyadYear(_states[i], _states[j], Years.From + k, v);
                }
            }
    }
}
