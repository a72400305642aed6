namespace Pacta.Workspace.Snapshot;

/// <summary>
/// The primitive writes of the snapshot body. Strings go to a table written before the body, so each distinct
/// string (file names, kinds, codes) is stored and later allocated once.
/// </summary>
internal sealed class ModelWriter
{
    private readonly MemoryStream _body = new();
    private readonly BinaryWriter _w;
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);

    public ModelWriter() => _w = new BinaryWriter(_body);

    public List<string> Table { get; } = [];

    public ReadOnlySpan<byte> Body
    {
        get
        {
            _w.Flush();
            return _body.GetBuffer().AsSpan(0, (int)_body.Length);
        }
    }

    public void Int(int v) => _w.Write(v);
    public void Bool(bool v) => _w.Write(v);
    public void Double(double v) => _w.Write(v);
    public void Decimal(decimal v) => _w.Write(v);
    public void Byte(byte v) => _w.Write(v);

    public void String(string s)
    {
        if (!_strings.TryGetValue(s, out var i))
        {
            i = Table.Count;
            _strings[s] = i;
            Table.Add(s);
        }
        _w.Write(i);
    }
}

/// <summary>
/// The primitive reads of the snapshot body: every count and string index is checked against the bytes left or the
/// table before anything is allocated, so a damaged or hostile body costs at most its own size.
/// </summary>
internal sealed class ModelReader(BinaryReader r, string[] table)
{
    /// <summary>Deeper than any model nests; a hostile body cannot exhaust the stack.</summary>
    public const int MaxDepth = 64;

    public int Int() => r.ReadInt32();
    public bool Bool() => r.ReadByte() switch { 0 => false, 1 => true, var b => throw new InvalidDataException($"bool {b}") };
    public double Double() => r.ReadDouble();
    public decimal Decimal() => r.ReadDecimal();
    public byte Byte() => r.ReadByte();

    /// <summary>A count, no larger than the bytes left (every item takes at least one byte).</summary>
    public int Count()
    {
        var n = r.ReadInt32();
        if (n < 0 || n > r.BaseStream.Length - r.BaseStream.Position) throw new InvalidDataException($"count {n} out of range");
        return n;
    }

    public string String()
    {
        var i = r.ReadInt32();
        return (uint)i < (uint)table.Length ? table[i] : throw new InvalidDataException($"string {i} out of range");
    }
}
