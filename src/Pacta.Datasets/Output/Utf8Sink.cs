using System.Text;

namespace Pacta.Datasets.Output;

/// <summary>A 1 MiB output buffer for hand-formatted CSV: millions of short rows cost little more than a copy each.</summary>
internal sealed class Utf8Sink(Stream stream) : IDisposable
{
    private readonly byte[] _buf = new byte[1 << 20];
    private int _pos;

    /// <summary>",d,o,n,a,c\n" for each combination of the five promise bits (11 bytes each).</summary>
    public static readonly byte[] FlagRows = BuildFlagRows();

    private static byte[] BuildFlagRows()
    {
        var t = new byte[32 * 11];
        for (var o = 0; o < 32; o++)
        {
            for (var b = 0; b < 5; b++)
            {
                t[o * 11 + 2 * b] = (byte)',';
                t[o * 11 + 2 * b + 1] = (byte)('0' + ((o >> b) & 1));
            }
            t[o * 11 + 10] = (byte)'\n';
        }
        return t;
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        if (_pos + bytes.Length > _buf.Length) Flush();
        bytes.CopyTo(_buf.AsSpan(_pos));
        _pos += bytes.Length;
    }

    public void Byte(byte b)
    {
        if (_pos == _buf.Length) Flush();
        _buf[_pos++] = b;
    }

    public void Text(string s) => Bytes(Encoding.UTF8.GetBytes(s));

    public void Int(int v)
    {
        if (_pos + 11 > _buf.Length) Flush();
        _pos += Digits(v, _buf.AsSpan(_pos));
    }

    /// <summary>Writes <paramref name="v"/> in decimal at the start of <paramref name="dest"/>; returns the length.</summary>
    public static int Digits(int v, Span<byte> dest)
    {
        var n = 0;
        if (v < 0) { dest[n++] = (byte)'-'; v = -v; }
        var len = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : (int)Math.Floor(Math.Log10(v)) + 1;
        for (var i = n + len - 1; i >= n; i--) { dest[i] = (byte)('0' + v % 10); v /= 10; }
        return n + len;
    }

    /// <summary>",d,o,n,a,c" for the promise bits, with or without the row's newline.</summary>
    public void Flags(AllianceObligations o, bool newline) =>
        Bytes(FlagRows.AsSpan(((int)o & 31) * 11, newline ? 11 : 10));

    private void Flush()
    {
        stream.Write(_buf, 0, _pos);
        _pos = 0;
    }

    public void Dispose()
    {
        Flush();
        stream.Flush();
    }
}
