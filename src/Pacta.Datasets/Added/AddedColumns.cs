using System.Text;

namespace Pacta.Datasets.Added;

/// <summary>
/// The added column families (<see cref="DyadColumnFamily"/>) prepared for one range of years, so that a row costs
/// a few array reads: per pair of states a byte per year for contiguity, MIDs and wars, per state a byte per year
/// for major-power status. A row's values fold into one variant number (<see cref="Code(int,int,int)"/>) that
/// selects a pre-rendered CSV tail or the Parquet values.
/// </summary>
/// <remarks>
/// Digits per family: contiguity 0–5 (0 no contiguity), 6 NA; majors bit 0 = ccode1, bit 1 = ccode2, 4 NA;
/// MIDs and wars 0 none, 1 ongoing, 2 onset (and so ongoing), 3 NA. NA is any year outside the source's coverage.
/// </remarks>
public sealed class AddedColumns
{
    private const byte ContNa = 6, MajNa = 4, EventNa = 3;
    private const int Variants = 7 * 5 * 4 * 4;
    private const int TailSlot = 16;
    private const int AllColumns = 7;

    private readonly int[] _dense = new int[DirectedDyadTable.CowCodeLimit];
    private int _n;
    private byte[]?[] _cont = [], _mids = [], _wars = [];
    private readonly byte[] _contDefault, _midsDefault, _warsDefault, _majDefault;
    private readonly byte[]?[] _majors = new byte[DirectedDyadTable.CowCodeLimit][];
    private readonly byte[] _tails = new byte[Variants * TailSlot];
    private readonly byte[] _tailLength = new byte[Variants];
    private readonly int[] _columnIndex;
    // Per variant, the seven possible columns' values (-1 for NA), so the Parquet writer allocates nothing per row.
    private readonly sbyte[] _values = new sbyte[Variants * AllColumns];

    public AddedColumns(AddedSources sources, DyadColumnFamily families, YearRange years)
    {
        Families = families;
        Years = years;
        Columns = DyadColumnFamilies.Columns(families);
        _contDefault = Default(families, DyadColumnFamily.Contiguity, AddedSources.ContiguityCoverage, ContNa);
        _majDefault = Default(families, DyadColumnFamily.Majors, AddedSources.MajorsCoverage, MajNa);
        _midsDefault = Default(families, DyadColumnFamily.Mids, AddedSources.MidsCoverage, EventNa);
        _warsDefault = Default(families, DyadColumnFamily.Wars, AddedSources.WarsCoverage, EventNa);
        if (Has(DyadColumnFamily.Contiguity)) foreach (var s in sources.Contiguity) { Dense(s.StateA); Dense(s.StateB); }
        if (Has(DyadColumnFamily.Mids)) foreach (var e in sources.Mids) { Dense(e.Ccode1); Dense(e.Ccode2); }
        if (Has(DyadColumnFamily.Wars)) foreach (var e in sources.Wars) { Dense(e.Ccode1); Dense(e.Ccode2); }
        _cont = new byte[_n * _n][];
        _mids = new byte[_n * _n][];
        _wars = new byte[_n * _n][];
        if (Has(DyadColumnFamily.Contiguity)) AddContiguity(sources.Contiguity);
        if (Has(DyadColumnFamily.Majors)) AddMajors(sources.Majors);
        if (Has(DyadColumnFamily.Mids)) AddEvents(sources.Mids, _mids, _midsDefault, AddedSources.MidsCoverage);
        if (Has(DyadColumnFamily.Wars)) AddEvents(sources.Wars, _wars, _warsDefault, AddedSources.WarsCoverage);
        _columnIndex = ColumnIndex(families);
        RenderTails();
    }

    /// <summary>Reads the shipped files of <paramref name="families"/> from <paramref name="dataDir"/> and prepares them.</summary>
    public static AddedColumns Load(string dataDir, DyadColumnFamily families, YearRange years) =>
        new(AddedSources.Load(dataDir, families), families, years);

    public DyadColumnFamily Families { get; }
    public YearRange Years { get; }

    /// <summary>The added column names, in writing order.</summary>
    public IReadOnlyList<string> Columns { get; }

    private bool Has(DyadColumnFamily f) => (Families & f) != 0;

    /// <summary>Per year: 0 inside the family's coverage, the NA digit outside it (all 0 when the family is off).</summary>
    private byte[] Default(DyadColumnFamily families, DyadColumnFamily f, YearRange coverage, byte na)
    {
        var a = new byte[Years.Count];
        if ((families & f) == 0) return a;
        for (var k = 0; k < a.Length; k++) a[k] = coverage.Contains(Years.From + k) ? (byte)0 : na;
        return a;
    }

    private int Dense(int cow)
    {
        if (!DirectedDyadTable.IsCowCode(cow)) return -1;
        if (_dense[cow] == 0) _dense[cow] = ++_n;
        return _dense[cow] - 1;
    }

    private int IndexOf(int cow) => DirectedDyadTable.IsCowCode(cow) ? _dense[cow] - 1 : -1;

    private void AddContiguity(IReadOnlyList<ContiguitySpell> spells)
    {
        foreach (var s in spells)
        {
            int a = IndexOf(s.StateA), b = IndexOf(s.StateB);
            if (a < 0 || b < 0 || a == b) continue;
            // One array serves both directions: contiguity has none.
            var cells = _cont[a * _n + b] ??= (byte[])_contDefault.Clone();
            _cont[b * _n + a] = cells;
            for (var y = Math.Max(s.FromYear, Years.From); y <= Math.Min(s.ToYear, Years.To); y++)
            {
                if (!AddedSources.ContiguityCoverage.Contains(y)) continue;
                ref var c = ref cells[y - Years.From];
                // The closest type of the year counts when a pair's type changes within it.
                if (c == 0 || s.Type < c) c = (byte)s.Type;
            }
        }
    }

    private void AddMajors(IReadOnlyList<MajorSpell> spells)
    {
        foreach (var s in spells)
        {
            if (!DirectedDyadTable.IsCowCode(s.State)) continue;
            var cells = _majors[s.State] ??= (byte[])_majDefault.Clone();
            for (var y = Math.Max(s.FromYear, Years.From); y <= Math.Min(s.ToYear, Years.To); y++)
            {
                if (AddedSources.MajorsCoverage.Contains(y)) cells[y - Years.From] = 1;
            }
        }
    }

    /// <summary>A dyad-year is ongoing when the directed file has a row for it, an onset when any of its rows is one.</summary>
    private void AddEvents(IReadOnlyList<DyadEvent> events, byte[]?[] pairs, byte[] defaults, YearRange coverage)
    {
        foreach (var e in events)
        {
            int a = IndexOf(e.Ccode1), b = IndexOf(e.Ccode2);
            if (a < 0 || b < 0 || a == b || !Years.Contains(e.Year) || !coverage.Contains(e.Year)) continue;
            var cells = pairs[a * _n + b] ??= (byte[])defaults.Clone();
            ref var c = ref cells[e.Year - Years.From];
            c = Math.Max(c, e.Onset ? (byte)2 : (byte)1);
        }
    }

    /// <summary>The per-year digits of a directed pair (the family's default row when the sources have none).</summary>
    internal void Pair(int cow1, int cow2, out byte[] cont, out byte[] mids, out byte[] wars)
    {
        int a = IndexOf(cow1), b = IndexOf(cow2);
        if (a < 0 || b < 0)
        {
            (cont, mids, wars) = (_contDefault, _midsDefault, _warsDefault);
            return;
        }
        var p = a * _n + b;
        cont = _cont[p] ?? _contDefault;
        mids = _mids[p] ?? _midsDefault;
        wars = _wars[p] ?? _warsDefault;
    }

    /// <summary>The per-year major-power digit of a state: 1 major, 0 not, 4 outside the coverage.</summary>
    internal byte[] Major(int cow) => (DirectedDyadTable.IsCowCode(cow) ? _majors[cow] : null) ?? _majDefault;

    /// <summary>The variant number of one row from its family digits.</summary>
    internal static int Code(int cont, byte major1, byte major2, int mids, int wars)
    {
        var m = major1 == MajNa ? MajNa : major1 | (major2 << 1);
        return (((cont * 5) + m) * 4 + mids) * 4 + wars;
    }

    /// <summary>The variant number of the row (ccode1, ccode2, year); every family NA outside the prepared years.</summary>
    public int Code(int ccode1, int ccode2, int year)
    {
        if (!Years.Contains(year)) return Code(ContNa, MajNa, MajNa, EventNa, EventNa);
        var k = year - Years.From;
        Pair(ccode1, ccode2, out var cont, out var mids, out var wars);
        return Code(cont[k], Major(ccode1)[k], Major(ccode2)[k], mids[k], wars[k]);
    }

    /// <summary>The rendered CSV tail of a variant: a comma and value per added column (empty for NA), then the newline.</summary>
    internal ReadOnlySpan<byte> Tail(int code) => _tails.AsSpan(code * TailSlot, _tailLength[code]);

    /// <summary>The 16-byte slots of all tails and their lengths, for the fused frame writer.</summary>
    internal byte[] TailSlots => _tails;
    internal byte[] TailLengths => _tailLength;

    /// <summary>The value of added column <paramref name="column"/> (index into <see cref="Columns"/>) in a variant; null = NA.</summary>
    public int? Value(int code, int column) => _values[code * AllColumns + _columnIndex[column]] is var v and >= 0 ? v : null;

    /// <summary>All seven possible columns of a variant, in the order of <see cref="DyadColumnFamilies.All"/>.</summary>
    private static int?[] AllValues(int code)
    {
        int w = code % 4, d = code / 4 % 4, m = code / 16 % 5, c = code / 80;
        return
        [
            c == ContNa ? null : c,
            m == MajNa ? null : m & 1,
            m == MajNa ? null : (m >> 1) & 1,
            d == EventNa ? null : d == 2 ? 1 : 0,
            d == EventNa ? null : d >= 1 ? 1 : 0,
            w == EventNa ? null : w >= 1 ? 1 : 0,
            w == EventNa ? null : w == 2 ? 1 : 0,
        ];
    }

    private static int[] ColumnIndex(DyadColumnFamily families)
    {
        var list = new List<int>();
        var at = 0;
        foreach (var f in DyadColumnFamilies.All)
        {
            if ((families & f.Family) != 0)
                for (var i = 0; i < f.Columns.Length; i++) list.Add(at + i);
            at += f.Columns.Length;
        }
        return [.. list];
    }

    private void RenderTails()
    {
        var sb = new StringBuilder();
        for (var code = 0; code < Variants; code++)
        {
            sb.Clear();
            var values = AllValues(code);
            for (var i = 0; i < AllColumns; i++) _values[code * AllColumns + i] = (sbyte)(values[i] ?? -1);
            foreach (var i in _columnIndex)
            {
                sb.Append(',');
                if (values[i] is { } v) sb.Append((char)('0' + v));
            }
            sb.Append('\n');
            var bytes = Encoding.ASCII.GetBytes(sb.ToString());
            bytes.CopyTo(_tails, code * TailSlot);
            _tailLength[code] = (byte)bytes.Length;
        }
    }
}
