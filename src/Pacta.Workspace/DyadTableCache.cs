using Pacta.Datasets;
using Pacta.Domain;

namespace Pacta.Workspace;

/// <summary>
/// What <c>pacta dyads</c> needs after loading, as computed once: the directed alliance table for the years, the
/// state-system members for the all-pairs frame, the release's last year and the readings the table was made
/// under.
/// </summary>
public sealed record DyadTableInputs(DirectedDyadTable Table, IReadOnlyList<State> States, int CoverageEndYear, IReadOnlyList<AppliedReviewReading> Readings);

/// <summary>The reading one contested point of the reviews was read under (as <see cref="ReviewReadings.Applied"/> gives it).</summary>
public sealed record AppliedReviewReading(string Scope, string Clause, string Reading, bool IsDefault);

/// <summary>
/// A cache of <see cref="DyadTableInputs"/> beside the start-up snapshot, keyed by the snapshot's key (every input
/// file's contents and Pacta's build) and the dataset's parameters (years, --include-political, --reading), so a
/// repeated <c>pacta dyads</c> neither decodes the whole workspace nor rebuilds the table: the bytes it writes are
/// those of the table it cached. The file's framing is <see cref="KeyedCacheFile"/>'s (anything unreadable is a
/// miss, rewritten); off with PACTA_SNAPSHOT=0, as the snapshot is.
/// </summary>
public static class DyadTableCache
{
    private const int Magic = 0x32595944; // "DYY2": framed by KeyedCacheFile, with its checksum

    /// <summary>The key: the workspace's input key and the parameters; null when no snapshot is in use.</summary>
    private static byte[]? Key(PactaWorkspace ws, string parameters)
    {
        var input = ws.UseSnapshot ? ws.InputKey : null;
        if (input is null) return null;
        return [.. input, .. System.Text.Encoding.UTF8.GetBytes("\ndyads\n" + parameters)];
    }

    public static DyadTableInputs? TryRead(PactaWorkspace ws, string parameters) =>
        Key(ws, parameters) is { } key ? KeyedCacheFile.TryRead("dyads", Magic, key, 1 << 28, ReadBody) : null;

    public static void TryWrite(PactaWorkspace ws, string parameters, DyadTableInputs inputs)
    {
        if (Key(ws, parameters) is { } key) KeyedCacheFile.TryWrite("dyads", Magic, key, w => WriteBody(w, inputs));
    }

    private static DyadTableInputs ReadBody(BinaryReader r)
    {
        var end = r.ReadInt32();
        var states = new State[Count(r)];
        for (var i = 0; i < states.Length; i++)
        {
            var cow = r.ReadInt32();
            var cowc = r.ReadString();
            var iso3 = Optional(r);
            var iso2 = Optional(r);
            var name = r.ReadString();
            var spells = new DateSpan[Count(r)];
            for (var k = 0; k < spells.Length; k++) spells[k] = new DateSpan(Day(r.ReadInt32()), Day(r.ReadInt32()));
            states[i] = new State(cow, cowc, iso3, iso2, name, spells);
        }
        var readings = new AppliedReviewReading[Count(r)];
        for (var i = 0; i < readings.Length; i++) readings[i] = new AppliedReviewReading(r.ReadString(), r.ReadString(), r.ReadString(), r.ReadBoolean());
        var table = DirectedDyadTable.Read(r);
        return new DyadTableInputs(table, states, end, readings);
    }

    private static void WriteBody(BinaryWriter w, DyadTableInputs inputs)
    {
        w.Write(inputs.CoverageEndYear);
        w.Write(inputs.States.Count);
        foreach (var s in inputs.States)
        {
            w.Write(s.Cow);
            w.Write(s.Cowc);
            Optional(w, s.Iso3);
            Optional(w, s.Iso2);
            w.Write(s.Name);
            w.Write(s.Spells.Count);
            foreach (var p in s.Spells)
            {
                w.Write(p.From is { } f ? f.DayNumber : -1);
                w.Write(p.To is { } t ? t.DayNumber : -1);
            }
        }
        w.Write(inputs.Readings.Count);
        foreach (var a in inputs.Readings)
        {
            w.Write(a.Scope);
            w.Write(a.Clause);
            w.Write(a.Reading);
            w.Write(a.IsDefault);
        }
        inputs.Table.Write(w);
    }

    private static int Count(BinaryReader r) => KeyedCacheFile.Count(r);

    private static string? Optional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void Optional(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null) w.Write(s);
    }

    private static DateOnly? Day(int n) => n < 0 ? null : DateOnly.FromDayNumber(n);
}
