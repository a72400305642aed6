using System.Text;

namespace Pacta.Datasets.Output;

/// <summary>
/// Byte-stable CSV: UTF-8 without BOM, LF line ends, no index column, rows in the order given (the generators
/// sort them). Numbers are formatted by hand into a large buffer because the all-pairs frame has millions of rows.
/// </summary>
public static class CsvDatasetWriter
{
    public static readonly string[] DyadColumns =
        ["ccode1", "ccode2", "year", "atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"];

    /// <summary>ATOP's atop5_1sy columns (codebook §2.5); the id list has at least 59 columns, as ATOP 5.1 publishes.</summary>
    public static IReadOnlyList<string> StateYearColumns(int idColumns) =>
        ["state", "year", "atopally", "defense", "offense", "neutral", "nonagg", "consul", "number", "transyr",
         .. Enumerable.Range(1, idColumns).Select(i => $"atopid{i}"), "version"];

    public const int MinimumIdColumns = 59;

    public static long WriteDyadYears(Stream stream, IEnumerable<DyadYear> rows)
    {
        using var w = new ByteWriter(stream);
        w.Ascii(string.Join(',', DyadColumns));
        w.Byte((byte)'\n');
        long n = 0;
        foreach (var r in rows)
        {
            w.Int(r.Ccode1); w.Byte((byte)',');
            w.Int(r.Ccode2); w.Byte((byte)',');
            w.Int(r.Year);
            w.Flags((int)r.Obligations, newline: true);
            n++;
        }
        return n;
    }

    public static long WriteDyadYears(string path, IEnumerable<DyadYear> rows)
    {
        using var f = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.SequentialScan);
        return WriteDyadYears(f, rows);
    }

    public static long WriteStateYears(Stream stream, IReadOnlyList<StateYear> rows, string version)
    {
        var ids = Math.Max(MinimumIdColumns, rows.Select(r => r.AllianceIds.Count).DefaultIfEmpty(0).Max());
        using var w = new ByteWriter(stream);
        w.Ascii(string.Join(',', StateYearColumns(ids)));
        w.Byte((byte)'\n');
        foreach (var r in rows)
        {
            w.Int(r.State); w.Byte((byte)',');
            w.Int(r.Year); w.Ascii(",1");
            w.Flags((int)r.Obligations, newline: false);
            w.Byte((byte)','); w.Int(r.Number);
            w.Ascii(r.TransitionYear ? ",1" : ",0");
            for (var i = 0; i < ids; i++)
            {
                w.Byte((byte)',');
                if (i < r.AllianceIds.Count) w.Int(r.AllianceIds[i]);
            }
            w.Byte((byte)',');
            w.Ascii(version);
            w.Byte((byte)'\n');
        }
        return rows.Count;
    }

    public static long WriteStateYears(string path, IReadOnlyList<StateYear> rows, string version)
    {
        using var f = new FileStream(path, FileMode.Create, FileAccess.Write);
        return WriteStateYears(f, rows, version);
    }

    private sealed class ByteWriter(Stream stream) : IDisposable
    {
        private readonly byte[] _buf = new byte[1 << 20];
        private int _pos;

        public void Byte(byte b)
        {
            if (_pos == _buf.Length) Flush();
            _buf[_pos++] = b;
        }

        public void Ascii(string s)
        {
            foreach (var c in Encoding.UTF8.GetBytes(s)) Byte(c);
        }

        public void Int(int v)
        {
            if (_pos + 12 > _buf.Length) Flush();
            if (v < 0) { _buf[_pos++] = (byte)'-'; v = -v; }
            if (v < 10) { _buf[_pos++] = (byte)('0' + v); return; }
            Span<byte> tmp = stackalloc byte[11];
            var i = tmp.Length;
            while (v > 0) { tmp[--i] = (byte)('0' + v % 10); v /= 10; }
            tmp[i..].CopyTo(_buf.AsSpan(_pos));
            _pos += tmp.Length - i;
        }

        /// <summary>",d,o,n,a,c" for the five promise bits, optionally ending the row.</summary>
        public void Flags(int o, bool newline)
        {
            if (_pos + 12 > _buf.Length) Flush();
            var b = _buf;
            b[_pos] = (byte)','; b[_pos + 1] = (byte)('0' + (o & 1));
            b[_pos + 2] = (byte)','; b[_pos + 3] = (byte)('0' + ((o >> 1) & 1));
            b[_pos + 4] = (byte)','; b[_pos + 5] = (byte)('0' + ((o >> 2) & 1));
            b[_pos + 6] = (byte)','; b[_pos + 7] = (byte)('0' + ((o >> 3) & 1));
            b[_pos + 8] = (byte)','; b[_pos + 9] = (byte)('0' + ((o >> 4) & 1));
            _pos += 10;
            if (newline) b[_pos++] = (byte)'\n';
        }

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
}
