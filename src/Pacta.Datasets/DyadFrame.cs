using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Pacta.Datasets.Output;

namespace Pacta.Datasets;

/// <summary>
/// An all-pairs dyad-year frame (see <see cref="AllPairs"/>), optionally with ATOP columns joined from a
/// <see cref="DirectedDyadTable"/>. It is a lazy sequence sorted by ccode1, ccode2, year; the CSV writer
/// recognises it and writes it in one fused loop instead of row by row.
/// </summary>
public sealed class DyadFrame : IEnumerable<DyadYear>
{
    private readonly SystemYears _system;

    internal DyadFrame(SystemYears system, bool directed, DirectedDyadTable? atop)
    {
        _system = system;
        Directed = directed;
        Atop = atop;
    }

    public bool Directed { get; }
    public YearRange Years => _system.Years;
    public DirectedDyadTable? Atop { get; }

    /// <summary>The same frame with the alliance columns taken from <paramref name="table"/> (0 where the pair shares none).</summary>
    public DyadFrame WithAtop(DirectedDyadTable table) => new(_system, Directed, table);

    /// <summary>Number of rows, without formatting them.</summary>
    public long RowCount()
    {
        long n = 0;
        Visit((_, _, _, _) => n++);
        return n;
    }

    public IEnumerator<DyadYear> GetEnumerator()
    {
        var rows = new List<DyadYear>();
        var codes = _system.Codes;
        var from = Years.From;
        // Materialised per first state so that enumeration stays simple and memory small.
        for (var i = 0; i < codes.Length; i++)
        {
            rows.Clear();
            VisitFrom(i, (a, b, k, v) => rows.Add(new DyadYear(codes[a], codes[b], from + k, v)));
            foreach (var r in rows) yield return r;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Visit(Action<int, int, int, AllianceObligations> row)
    {
        for (var i = 0; i < _system.Codes.Length; i++) VisitFrom(i, row);
    }

    /// <summary>Every row whose first state is index <paramref name="i"/>: (i, j, year index, obligations).</summary>
    private void VisitFrom(int i, Action<int, int, int, AllianceObligations> row)
    {
        var codes = _system.Codes;
        var si = _system.Status(i);
        for (var j = Directed ? 0 : i + 1; j < codes.Length; j++)
        {
            if (i == j) continue;
            var k0 = Math.Max(_system.First[i], _system.First[j]);
            var k1 = Math.Min(_system.Last[i], _system.Last[j]);
            if (k0 > k1) continue;
            var sj = _system.Status(j);
            var (fwd, back, offset) = Cells(codes[i], codes[j]);
            for (var k = k0; k <= k1; k++)
            {
                if (!_system.Together(i, j, k, si[k], sj[k])) continue;
                row(i, j, k, Value(fwd, back, k - offset));
            }
        }
    }

    /// <summary>Where the pair's ATOP cells start in both directions (-1: none) and the frame→table year offset.</summary>
    private (long Fwd, long Back, int Offset) Cells(int a, int b)
    {
        if (Atop is null) return (-1, -1, 0);
        var ia = Atop.IndexOf(a);
        var ib = Atop.IndexOf(b);
        if (ia < 0 || ib < 0) return (-1, -1, 0);
        return (Atop.PairStart(ia, ib), Directed ? -1 : Atop.PairStart(ib, ia), Atop.Years.From - Years.From);
    }

    private AllianceObligations Value(long fwd, long back, int t)
    {
        if (fwd < 0 || t < 0 || t >= Atop!.Years.Count) return AllianceObligations.None;
        var cells = Atop.Cells;
        return (AllianceObligations)(cells[fwd + t] | (back < 0 ? 0 : cells[back + t]));
    }

    /// <summary>
    /// The fused writer. Each row is two 8-byte stores of the pair's "ccode1,ccode2," prefix and two (four with
    /// the source column) of a pre-rendered "year,d,o,n,a,c[,source]\n" block chosen by (year, promise bits,
    /// provenance bit); stores may run past the row's end and are overwritten by the next row, so only the true
    /// length advances the buffer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal long WriteCsv(Utf8Sink sink, bool source = false)
    {
        var codes = _system.Codes;
        var years = Years;
        // Variants per year: the five promise bits, plus bit 5 for the provenance when the source column is on.
        const int Variants = 64;
        var block = source ? 32 : 16;
        var sourceMask = source ? (int)AllianceObligations.Pacta : 0;
        // blocks[(k * 64 + o) * block ..]: "1816,0,0,0,0,0\n" (or "…,atop\n") padded; blockLength its true length.
        var blocks = new byte[years.Count * Variants * block];
        var blockLength = new int[years.Count * Variants];
        for (var k = 0; k < years.Count; k++)
        {
            var y = Encoding.ASCII.GetBytes((years.From + k).ToString(CultureInfo.InvariantCulture));
            for (var o = 0; o < Variants; o++)
            {
                var tail = source ? Encoding.ASCII.GetBytes("," + (o >= 32 ? DyadSources.Pacta : DyadSources.Atop) + "\n") : "\n"u8.ToArray();
                var length = y.Length + 10 + tail.Length;
                if (length > block) throw new NotSupportedException($"year {years.From + k} is too long for the CSV block");
                var at = (k * Variants + o) * block;
                y.CopyTo(blocks, at);
                Array.Copy(Utf8Sink.FlagRows, (o & 31) * 11, blocks, at + y.Length, 10);
                tail.CopyTo(blocks, at + y.Length + 10);
                blockLength[k * Variants + o] = length;
            }
        }
        var codeText = codes.Select(c => Encoding.ASCII.GetBytes(c.ToString(CultureInfo.InvariantCulture) + ",")).ToArray();
        if (codeText.Any(c => c.Length > 8)) throw new NotSupportedException("state codes longer than 7 digits");
        var prefix = new byte[16];
        var cells = Atop?.Cells;
        long n = 0;
        for (var i = 0; i < codes.Length; i++)
        {
            var si = _system.Status(i);
            for (var j = Directed ? 0 : i + 1; j < codes.Length; j++)
            {
                if (i == j) continue;
                var k0 = Math.Max(_system.First[i], _system.First[j]);
                var k1 = Math.Min(_system.Last[i], _system.Last[j]);
                if (k0 > k1) continue;
                var sj = _system.Status(j);
                codeText[i].CopyTo(prefix, 0);
                codeText[j].CopyTo(prefix, codeText[i].Length);
                var p = codeText[i].Length + codeText[j].Length;
                var p0 = Unsafe.ReadUnaligned<ulong>(ref prefix[0]);
                var p1 = Unsafe.ReadUnaligned<ulong>(ref prefix[8]);
                var (fwd, back, offset) = Cells(codes[i], codes[j]);
                var tableYears = Atop?.Years.Count ?? 0;
                for (var k = k0; k <= k1; k++)
                {
                    var a = si[k];
                    var b = sj[k];
                    if (a == 0 || b == 0) continue;
                    if ((a & b) != 1 && !_system.Together(i, j, k, a, b)) continue;
                    var o = 0;
                    var t = k - offset;
                    if (fwd >= 0 && (uint)t < (uint)tableYears)
                    {
                        var c = cells![fwd + t] | (back < 0 ? 0 : cells[back + t]);
                        o = (c & 31) | ((c & sourceMask) >> 1);
                    }
                    var (buf, pos) = sink.Claim(64);
                    ref var dst = ref buf[pos];
                    Unsafe.WriteUnaligned(ref dst, p0);
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, 8), p1);
                    var v = k * Variants + o;
                    var at = v * block;
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, p), Unsafe.ReadUnaligned<ulong>(ref blocks[at]));
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, p + 8), Unsafe.ReadUnaligned<ulong>(ref blocks[at + 8]));
                    if (source)
                    {
                        Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, p + 16), Unsafe.ReadUnaligned<ulong>(ref blocks[at + 16]));
                        Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, p + 24), Unsafe.ReadUnaligned<ulong>(ref blocks[at + 24]));
                    }
                    sink.Advance(p + blockLength[v]);
                    n++;
                }
            }
        }
        return n;
    }
}
