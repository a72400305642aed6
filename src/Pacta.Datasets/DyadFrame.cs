using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using Pacta.Datasets.Added;
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

    /// <summary>Number of rows, without formatting them or looking up the alliance columns (the progress total).</summary>
    public long RowCount()
    {
        var sys = _system;
        long n = 0;
        for (var i = 0; i < sys.Codes.Length; i++)
        {
            var si = sys.Status(i);
            for (var j = Directed ? 0 : i + 1; j < sys.Codes.Length; j++)
            {
                if (i == j) continue;
                var sj = sys.Status(j);
                var k1 = Math.Min(sys.Last[i], sys.Last[j]);
                for (var k = Math.Max(sys.First[i], sys.First[j]); k <= k1; k++)
                {
                    if (sys.Together(i, j, k, si[k], sj[k])) n++;
                }
            }
        }
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
            Cells(codes[i], codes[j], out var fwd, out var back, out var offset);
            for (var k = k0; k <= k1; k++)
            {
                if (!_system.Together(i, j, k, si[k], sj[k])) continue;
                row(i, j, k, Value(fwd, back, k - offset));
            }
        }
    }

    /// <summary>Where the pair's ATOP cells start in both directions (-1: none) and the frame→table year offset.</summary>
    private void Cells(int a, int b, out long fwd, out long back, out int offset)
    {
        (fwd, back, offset) = (-1L, -1L, 0);
        if (Atop is null) return;
        var ia = Atop.IndexOf(a);
        var ib = Atop.IndexOf(b);
        if (ia < 0 || ib < 0) return;
        fwd = Atop.PairStart(ia, ib);
        back = Directed ? -1 : Atop.PairStart(ib, ia);
        offset = Atop.Years.From - Years.From;
    }

    private AllianceObligations Value(long fwd, long back, int t)
    {
        if (fwd < 0 || t < 0 || t >= Atop!.Years.Count) return AllianceObligations.None;
        var cells = Atop.Cells;
        return (AllianceObligations)(cells[fwd + t] | (back < 0 ? 0 : cells[back + t]));
    }

    /// <summary>
    /// The fused CSV writer for the frame after its header. The rows are cut into chunks of consecutive first
    /// states; worker threads format chunks into their own buffers while this thread writes the finished ones in
    /// order, so the output is the same bytes as a single pass and the formatting overlaps the file writes.
    /// </summary>
    internal long WriteCsv(Stream stream, bool origin, AddedColumns? added = null)
    {
        if (added is not null && added.Years != Years)
            throw new ArgumentException($"the added columns are prepared for {added.Years}, the frame covers {Years}", nameof(added));
        var plan = new CsvPlan(this, origin, added);
        var chunks = plan.Chunks;
        var workers = Math.Min(Environment.ProcessorCount, chunks.Length);
        if (workers <= 1)
        {
            long n = 0;
            var buffer = Array.Empty<byte>();
            foreach (var c in chunks)
            {
                if (buffer.Length < c.Bound) buffer = new byte[c.Bound];
                var length = plan.Format(c, buffer, out var rows);
                stream.Write(buffer, 0, length);
                n += rows;
            }
            return n;
        }
        return new ChunkPipeline(plan, workers).Run(stream);
    }

    /// <summary>
    /// Pre-rendered pieces of the CSV rows. A row is a 16-byte store of the pair's "ccode1,ccode2," and one
    /// (two with the source column) 16-byte store of a "year,d,o,n,a,c[,source]\n" block chosen by year,
    /// promise bits and provenance; stores may run past the row's end and are overwritten by the next row.
    /// </summary>
    private sealed class CsvPlan
    {
        // Variants per year: the five promise bits, plus bits 5–6 for the provenance when the source column is on.
        private const int Variants = 128;
        private const int ChunkTarget = 1 << 20;
        private readonly DyadFrame _frame;
        private readonly byte[] _blocks;
        private readonly byte[] _blockLength;
        private readonly byte[] _prefixes;
        private readonly byte[] _prefixLength;
        private readonly int _block;
        private readonly int _sourceMask;
        private readonly AddedColumns? _added;

        public CsvPlan(DyadFrame frame, bool origin, AddedColumns? added)
        {
            _frame = frame;
            _added = added;
            var years = frame.Years;
            _block = origin ? 32 : 16;
            _sourceMask = origin ? (int)(AllianceObligations.Pacta | AllianceObligations.Unreviewed) : 0;
            // _blocks[(k * 128 + o) * block ..]: "1816,0,0,0,0,0\n" (or "…,atop\n"), zero-padded.
            _blocks = new byte[years.Count * Variants * _block];
            _blockLength = new byte[years.Count * Variants];
            var flags = Utf8Sink.FlagRows;
            // ",source\n" per origin, rendered once (not once per year and variant: 26,880 strings for 1816–2025).
            var origins = Enum.GetValues<DyadOrigin>();
            var tails = new byte[origins.Length][];
            foreach (var d in origins) tails[(int)d] = origin ? Encoding.ASCII.GetBytes("," + DyadOrigins.Word(d) + "\n") : "\n"u8.ToArray();
            for (var k = 0; k < years.Count; k++)
            {
                var y = Encoding.ASCII.GetBytes((years.From + k).ToString(CultureInfo.InvariantCulture));
                for (var o = 0; o < Variants; o++)
                {
                    var tail = tails[(int)DyadOrigins.Of((AllianceObligations)o, years.From + k)];
                    var length = y.Length + 10 + tail.Length;
                    if (length > _block) throw new NotSupportedException($"year {years.From + k} is too long for the CSV block");
                    var at = (k * Variants + o) * _block;
                    y.CopyTo(_blocks, at);
                    Array.Copy(flags, (o & 31) * 11, _blocks, at + y.Length, 10);
                    tail.CopyTo(_blocks, at + y.Length + 10);
                    _blockLength[k * Variants + o] = (byte)length;
                }
            }
            // _prefixes[i * 8 ..]: "ccode," of state i, zero-padded to 8 bytes.
            var codes = frame._system.Codes;
            _prefixes = new byte[codes.Length * 8];
            _prefixLength = new byte[codes.Length];
            for (var i = 0; i < codes.Length; i++)
            {
                var text = Encoding.ASCII.GetBytes(codes[i].ToString(CultureInfo.InvariantCulture) + ",");
                if (text.Length > 8) throw new NotSupportedException("state codes longer than 7 digits");
                text.CopyTo(_prefixes, i * 8);
                _prefixLength[i] = (byte)text.Length;
            }
            Chunks = Plan();
        }

        public Chunk[] Chunks { get; }

        /// <summary>Consecutive first states grouped to about a megabyte each, with a byte bound from the year overlaps.</summary>
        private Chunk[] Plan()
        {
            var sys = _frame._system;
            var n = sys.Codes.Length;
            var chunks = new Chunk[n];
            var count = 0;
            var from = 0;
            long bound = 0;
            for (var i = 0; i < n; i++)
            {
                long rows = 0;
                for (var j = _frame.Directed ? 0 : i + 1; j < n; j++)
                {
                    var span = Math.Min(sys.Last[i], sys.Last[j]) - Math.Max(sys.First[i], sys.First[j]) + 1;
                    if (i != j && span > 0) rows += span;
                }
                bound += rows * (16 + _block + (_added is null ? 0 : 16));
                if (bound >= ChunkTarget || i == n - 1)
                {
                    chunks[count++] = new Chunk(from, i + 1, checked((int)bound + 64));
                    from = i + 1;
                    bound = 0;
                }
            }
            var used = new Chunk[count];
            Array.Copy(chunks, used, count);
            return used;
        }

        /// <summary>Formats the rows whose first state is in the chunk; returns the bytes used and the row count.</summary>
        /// <remarks>Not marked AggressiveOptimization: that keeps a method out of the ReadyToRun image, so every run would JIT it.</remarks>
        public int Format(Chunk chunk, byte[] buffer, out int rows)
        {
            var frame = _frame;
            var sys = frame._system;
            var n = sys.Codes.Length;
            var atop = frame.Atop;
            var cells = atop?.Cells;
            var tableYears = atop?.Years.Count ?? 0;
            var block = _block;
            var sourceMask = _sourceMask;
            var added = _added;
            ref var tails = ref MemoryMarshal.GetArrayDataReference(added?.TailSlots ?? []);
            ref var tailLength = ref MemoryMarshal.GetArrayDataReference(added?.TailLengths ?? []);
            byte[] cont = [], mids = [], wars = [], major1 = [], major2 = [];
            ref var blocks = ref MemoryMarshal.GetArrayDataReference(_blocks);
            ref var blockLength = ref MemoryMarshal.GetArrayDataReference(_blockLength);
            ref var dst0 = ref MemoryMarshal.GetArrayDataReference(buffer);
            var pos = 0;
            rows = 0;
            Span<byte> prefix = stackalloc byte[24];
            for (var i = chunk.From; i < chunk.To; i++)
            {
                var si = sys.Status(i);
                var pi = Unsafe.ReadUnaligned<ulong>(ref _prefixes[i * 8]);
                int li = _prefixLength[i];
                for (var j = frame.Directed ? 0 : i + 1; j < n; j++)
                {
                    if (i == j) continue;
                    var k0 = Math.Max(sys.First[i], sys.First[j]);
                    var k1 = Math.Min(sys.Last[i], sys.Last[j]);
                    if (k0 > k1) continue;
                    var sj = sys.Status(j);
                    // "ccode1,ccode2," as 16 bytes: the second code shifted in after the first.
                    Unsafe.WriteUnaligned(ref prefix[0], pi);
                    Unsafe.WriteUnaligned(ref prefix[li], Unsafe.ReadUnaligned<ulong>(ref _prefixes[j * 8]));
                    var p = li + _prefixLength[j];
                    var pair = Vector128.LoadUnsafe(ref prefix[0]);
                    frame.Cells(sys.Codes[i], sys.Codes[j], out var fwd, out var back, out var offset);
                    if (added is not null)
                    {
                        added.Pair(sys.Codes[i], sys.Codes[j], out cont, out mids, out wars);
                        major1 = added.Major(sys.Codes[i]);
                        major2 = added.Major(sys.Codes[j]);
                    }
                    for (var k = k0; k <= k1; k++)
                    {
                        var a = si[k];
                        var b = sj[k];
                        if (a == 0 || b == 0) continue;
                        if ((a & b) != 1 && !sys.Together(i, j, k, a, b)) continue;
                        var o = 0;
                        var t = k - offset;
                        if (fwd >= 0 && (uint)t < (uint)tableYears)
                        {
                            var c = cells![fwd + t] | (back < 0 ? 0 : cells[back + t]);
                            o = (c & 31) | (c & sourceMask);
                        }
                        var v = k * Variants + o;
                        ref var dst = ref Unsafe.Add(ref dst0, pos);
                        pair.StoreUnsafe(ref dst);
                        ref var src = ref Unsafe.Add(ref blocks, v * block);
                        Vector128.LoadUnsafe(ref src).StoreUnsafe(ref Unsafe.Add(ref dst, p));
                        if (block == 32) Vector128.LoadUnsafe(ref Unsafe.Add(ref src, 16)).StoreUnsafe(ref Unsafe.Add(ref dst, p + 16));
                        pos += p + Unsafe.Add(ref blockLength, v);
                        if (added is not null)
                        {
                            // The tail replaces the block's newline and brings its own.
                            var code = AddedColumns.Code(cont[k], major1[k], major2[k], mids[k], wars[k]);
                            Vector128.LoadUnsafe(ref Unsafe.Add(ref tails, code * 16)).StoreUnsafe(ref Unsafe.Add(ref dst0, pos - 1));
                            pos += Unsafe.Add(ref tailLength, code) - 1;
                        }
                        rows++;
                    }
                }
            }
            return pos;
        }
    }

    /// <summary>First states [From, To) of a chunk, and a bound on its bytes including the stores' overrun.</summary>
    private readonly struct Chunk(int from, int to, int bound)
    {
        public readonly int From = from;
        public readonly int To = to;
        public readonly int Bound = bound;
    }

    /// <summary>
    /// Workers claim chunks in order and format them; the calling thread writes each finished chunk in order. At
    /// most <see cref="Window"/> chunks are formatted ahead of the writer, so memory stays a few megabytes.
    /// </summary>
    private sealed class ChunkPipeline(CsvPlan plan, int workers)
    {
        // A few chunks in hand keep the writer busy; every chunk more in flight is another fresh 2 MiB buffer for
        // the kernel to fault in and zero (docs/datasets.md, "Performance").
        private const int Window = 3;
        private readonly object _gate = new();
        // Per chunk, once formatted: its buffer (null until then), bytes and rows.
        private readonly byte[]?[] _buffer = new byte[]?[plan.Chunks.Length];
        private readonly int[] _length = new int[plan.Chunks.Length];
        private readonly int[] _rows = new int[plan.Chunks.Length];
        private readonly byte[]?[] _free = new byte[]?[Window + 2];
        private int _freeCount;
        private int _next;
        private int _written;
        private Exception? _failure;

        public long Run(Stream stream)
        {
            var threads = new Thread[workers];
            for (var w = 0; w < workers; w++)
            {
                threads[w] = new Thread(Work) { IsBackground = true, Name = "pacta-csv" };
                threads[w].Start();
            }
            long rows = 0;
            try
            {
                for (var c = 0; c < _buffer.Length; c++)
                {
                    byte[] buffer;
                    lock (_gate)
                    {
                        while (_buffer[c] is null && _failure is null) Monitor.Wait(_gate);
                        if (_failure is not null) ExceptionDispatchInfo.Capture(_failure).Throw();
                        buffer = _buffer[c]!;
                    }
                    stream.Write(buffer, 0, _length[c]);
                    rows += _rows[c];
                    lock (_gate)
                    {
                        _buffer[c] = null;
                        if (_freeCount < _free.Length) _free[_freeCount++] = buffer;
                        _written = c + 1;
                        Monitor.PulseAll(_gate);
                    }
                }
            }
            catch
            {
                lock (_gate)
                {
                    _failure ??= new OperationCanceledException();
                    Monitor.PulseAll(_gate);
                }
                throw;
            }
            finally
            {
                foreach (var t in threads) t.Join();
            }
            return rows;
        }

        private void Work()
        {
            try
            {
                while (true)
                {
                    int c;
                    byte[]? buffer;
                    lock (_gate)
                    {
                        while (_next - _written >= Window && _failure is null) Monitor.Wait(_gate);
                        if (_failure is not null || _next >= _buffer.Length) return;
                        c = _next++;
                        buffer = _freeCount > 0 ? _free[--_freeCount] : null;
                    }
                    var bound = plan.Chunks[c].Bound;
                    if (buffer is null || buffer.Length < bound) buffer = GC.AllocateUninitializedArray<byte>(Math.Max(bound, 2 << 20));
                    var length = plan.Format(plan.Chunks[c], buffer, out var rows);
                    lock (_gate)
                    {
                        _length[c] = length;
                        _rows[c] = rows;
                        _buffer[c] = buffer;
                        Monitor.PulseAll(_gate);
                    }
                }
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    _failure ??= e;
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }
}
