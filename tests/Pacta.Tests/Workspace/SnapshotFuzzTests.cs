using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Hashing;
using Pacta.Tests.Support;
using Pacta.Workspace.Snapshot;
using Xunit;
using Xunit.Abstractions;

namespace Pacta.Tests.Workspace;

/// <summary>
/// The snapshot reader against mutated copies of a real snapshot, for <c>PACTA_FUZZ_SECONDS</c> (default 3) each:
/// every read is a clean miss or the very same data, never an exception, a hang or an allocation out of
/// proportion to the file. The seed is printed; <c>PACTA_FUZZ_SEED</c> replays a run.
/// </summary>
public sealed class SnapshotFuzzTests(ITestOutputHelper output)
{
    private static readonly Lazy<(byte[] Bytes, byte[] Key, string Dump)> Real = new(() =>
    {
        var data = SnapshotTests.FromSources();
        var (bytes, key) = SnapshotTests.Write(data);
        return (bytes, key, SnapshotTests.Dump(data));
    });

    private static readonly int[] Extremes = [int.MaxValue, int.MinValue, -1, -2, 0, 1, 0x7FFFFF00, 0x40000000, 1 << 20, 255];

    /// <summary>One random damage: bytes overwritten, an extreme int32 written, a cut, an insertion, a deletion or a repeat.</summary>
    private static byte[] Mutate(byte[] source, Random rng, int limit, out string what)
    {
        var b = (byte[])source.Clone();
        var at = rng.Next(limit);
        switch (rng.Next(6))
        {
            case 0:
                var n = rng.Next(1, 9);
                for (var i = 0; i < n; i++) b[rng.Next(limit)] = (byte)rng.Next(256);
                what = $"{n} random bytes";
                return b;
            case 1:
                var v = Extremes[rng.Next(Extremes.Length)];
                at = Math.Min(at, limit - 4);
                BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(at), v);
                what = $"int32 {v} at {at}";
                return b;
            case 2:
                what = $"cut at {at}";
                return b[..at];
            case 3:
                var extra = new byte[rng.Next(1, 64)];
                rng.NextBytes(extra);
                what = $"{extra.Length} bytes inserted at {at}";
                return [.. b[..at], .. extra, .. b[at..]];
            case 4:
                var len = Math.Min(rng.Next(1, 4096), b.Length - at);
                what = $"{len} bytes removed at {at}";
                return [.. b[..at], .. b[(at + len)..]];
            default:
                var rep = Math.Min(rng.Next(1, 256), b.Length - at);
                what = $"{rep} bytes repeated at {at}";
                return [.. b[..(at + rep)], .. b[at..]];
        }
    }

    private void Fuzz(bool reseal)
    {
        var (bytes, key, dump) = Real.Value;
        var (_, seed, budget) = Pacta.TestSupport.FuzzRun.Start(reseal ? "snapshot reader (checksum resealed)" : "snapshot reader", 3, output);
        var rng = new Random(seed);
        var content = bytes.Length - SnapshotFormat.ChecksumBytes;
        var clock = Stopwatch.StartNew();
        var runs = 0;
        var kept = 0;
        do
        {
            var bad = Mutate(bytes, rng, reseal ? content : bytes.Length, out var what);
            if (reseal && bad.Length >= SnapshotFormat.ChecksumBytes)
            {
                // The checksum made to match, so that the parser itself meets the damage.
                var body = bad.AsSpan(0, bad.Length - SnapshotFormat.ChecksumBytes);
                BinaryPrimitives.WriteUInt64LittleEndian(bad.AsSpan(body.Length), XxHash3.HashToUInt64(body));
            }
            var context = $"seed {seed}, run {runs}: {what}";
            var before = GC.GetAllocatedBytesForCurrentThread();
            WorkspaceData? read;
            try
            {
                read = SnapshotReader.TryRead(bad, key);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{context}: {e.GetType().Name} escaped: {e.Message}");
            }
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < 64L * bytes.Length, $"{context}: {allocated:N0} bytes allocated for a {bad.Length:N0}-byte file");
            if (read is not null)
            {
                kept++;
                if (!reseal) Assert.True(dump == SnapshotTests.Dump(read), $"{context}: a damaged snapshot was read as other data");
            }
            runs++;
        }
        while (clock.Elapsed < budget);
        output.WriteLine($"{runs} mutated snapshots, {kept} read as data");
        Assert.True(runs > 0);
    }

    [Fact]
    public void Damaged_snapshots_are_a_clean_miss_or_the_same_data() => Fuzz(reseal: false);

    [Fact]
    public void Damaged_bodies_with_a_matching_checksum_never_escape_or_overallocate() => Fuzz(reseal: true);
}
