using Pacta.Domain;
using Pacta.Workspace.Snapshot;

namespace Pacta.Workspace;

/// <summary>
/// The review decisions the datasets need (ATOP id, status, end, changes; no names, sources or notes), cached beside
/// the workspace snapshot under the same key, so a dataset past the release does not parse the ~370 review
/// records on every run. The key covers every file of the corpus folder (the reviews included) and Pacta's build;
/// the file stores the key whole and is used only when it matches byte for byte. Anything unreadable is ignored
/// and rewritten; <c>pacta reviews</c> and <c>pacta check</c> always read the YAML.
/// </summary>
internal static class ReviewDecisionCache
{
    private const int Magic = 0x31565250; // "PRV1"

    private static string PathFor(byte[] key) => Path.Combine(WorkspaceSnapshot.Folder, $"reviews-{System.IO.Hashing.XxHash3.HashToUInt64(key):x16}.bin");

    public static IReadOnlyList<AtopReview>? TryRead(byte[] key)
    {
        var path = PathFor(key);
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget is not null || info.Length > 1 << 22) return null;
        try
        {
            using var r = new BinaryReader(new MemoryStream(File.ReadAllBytes(path)));
            if (r.ReadInt32() != Magic || !r.ReadBytes(r.ReadInt32()).AsSpan().SequenceEqual(key)) return null;
            var none = new Position("", 0, 0);
            var reviews = new AtopReview[r.ReadInt32()];
            for (var i = 0; i < reviews.Length; i++)
            {
                var id = r.ReadInt32();
                var status = (ReviewStatus)r.ReadByte();
                var ended = Day(r.ReadInt32());
                var changes = new ReviewChange[r.ReadInt32()];
                for (var k = 0; k < changes.Length; k++)
                    changes[k] = new ReviewChange(r.ReadInt32(), (ReviewChangeKind)r.ReadByte(), Day(r.ReadInt32())!.Value, none, Day(r.ReadInt32()));
                reviews[i] = new AtopReview(id, "", status, ended, changes, [], null, none);
            }
            return r.BaseStream.Position == r.BaseStream.Length ? reviews : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    public static void TryWrite(byte[] key, IReadOnlyList<AtopReview> reviews)
    {
        var path = PathFor(key);
        var tmp = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(WorkspaceSnapshot.Folder);
            using (var w = new BinaryWriter(new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None)))
            {
                w.Write(Magic);
                w.Write(key.Length);
                w.Write(key);
                w.Write(reviews.Count);
                foreach (var r in reviews)
                {
                    w.Write(r.AtopId);
                    w.Write((byte)r.Status);
                    w.Write(Number(r.Ended));
                    w.Write(r.Changes.Count);
                    foreach (var c in r.Changes)
                    {
                        w.Write(c.State);
                        w.Write((byte)c.Kind);
                        w.Write(c.Day.DayNumber);
                        w.Write(Number(c.Until));
                    }
                }
            }
            File.Move(tmp, path, overwrite: true);
            foreach (var old in new DirectoryInfo(WorkspaceSnapshot.Folder).EnumerateFiles("reviews-*.bin").OrderByDescending(f => f.LastWriteTimeUtc).Skip(8))
                old.Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        finally
        {
            try { File.Delete(tmp); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
    }

    private static int Number(DateOnly? d) => d is { } x ? x.DayNumber : -1;

    private static DateOnly? Day(int n) => n < 0 ? null : DateOnly.FromDayNumber(n);
}
