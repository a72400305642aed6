using Pacta.Domain;

namespace Pacta.Workspace;

/// <summary>
/// The review decisions the datasets need (ATOP id, status, end, changes, contested readings with their changes and
/// the default; no names, sources, questions or notes), cached beside
/// the workspace snapshot under the same key, so a dataset past the release does not parse the ~370 review
/// records on every run. The key covers every file of the corpus folder (the reviews included) and Pacta's build;
/// the file (framed by <see cref="KeyedCacheFile"/>) stores the key whole and is used only when it matches byte for
/// byte. Anything unreadable is ignored and rewritten; <c>pacta reviews</c> and <c>pacta check</c> always read the YAML.
/// </summary>
internal static class ReviewDecisionCache
{
    private const int Magic = 0x33565250; // "PRV3": with the contested points, framed by KeyedCacheFile (with its checksum)

    public static IReadOnlyList<AtopReview>? TryRead(byte[] key) => KeyedCacheFile.TryRead("reviews", Magic, key, 1 << 22, ReadBody);

    public static void TryWrite(byte[] key, IReadOnlyList<AtopReview> reviews) => KeyedCacheFile.TryWrite("reviews", Magic, key, w => WriteBody(w, reviews));

    private static AtopReview[] ReadBody(BinaryReader r)
    {
        var none = new Position("", 0, 0);
        var reviews = new AtopReview[KeyedCacheFile.Count(r)];
        for (var i = 0; i < reviews.Length; i++)
        {
            var id = r.ReadInt32();
            var status = (ReviewStatus)r.ReadByte();
            var ended = Day(r.ReadInt32());
            var changes = ReadChanges(r, none);
            var contested = new ReviewContest[KeyedCacheFile.Count(r)];
            for (var k = 0; k < contested.Length; k++)
            {
                var clause = r.ReadString();
                var def = r.ReadString();
                var readings = new ReviewReading[KeyedCacheFile.Count(r)];
                for (var m = 0; m < readings.Length; m++) readings[m] = new ReviewReading(r.ReadString(), "", [], ReadChanges(r, none), none);
                contested[k] = new ReviewContest(clause, "", def, "", readings, none);
            }
            reviews[i] = new AtopReview(id, "", status, ended, changes, [], null, none) { Contested = contested };
        }
        return reviews;
    }

    private static void WriteBody(BinaryWriter w, IReadOnlyList<AtopReview> reviews)
    {
        w.Write(reviews.Count);
        foreach (var r in reviews)
        {
            w.Write(r.AtopId);
            w.Write((byte)r.Status);
            w.Write(Number(r.Ended));
            WriteChanges(w, r.Changes);
            w.Write(r.Contested.Count);
            foreach (var c in r.Contested)
            {
                w.Write(c.Id);
                w.Write(c.Default);
                w.Write(c.Readings.Count);
                foreach (var reading in c.Readings)
                {
                    w.Write(reading.Id);
                    WriteChanges(w, reading.Changes);
                }
            }
        }
    }

    private static ReviewChange[] ReadChanges(BinaryReader r, Position none)
    {
        var changes = new ReviewChange[KeyedCacheFile.Count(r)];
        for (var k = 0; k < changes.Length; k++)
            changes[k] = new ReviewChange(r.ReadInt32(), (ReviewChangeKind)r.ReadByte(), Day(r.ReadInt32())!.Value, none, Day(r.ReadInt32()));
        return changes;
    }

    private static void WriteChanges(BinaryWriter w, IReadOnlyList<ReviewChange> changes)
    {
        w.Write(changes.Count);
        foreach (var c in changes)
        {
            w.Write(c.State);
            w.Write((byte)c.Kind);
            w.Write(c.Day.DayNumber);
            w.Write(Number(c.Until));
        }
    }

    private static int Number(DateOnly? d) => d is { } x ? x.DayNumber : -1;

    private static DateOnly? Day(int n) => n < 0 ? null : DateOnly.FromDayNumber(n);
}
