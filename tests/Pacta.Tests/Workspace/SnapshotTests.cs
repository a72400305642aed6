using System.Text.Json;
using Pacta.Domain;
using Pacta.Tests.Support;
using Pacta.Workspace;
using Pacta.Workspace.Snapshot;
using Xunit;

namespace Pacta.Tests.Workspace;

/// <summary>The workspace snapshot: a faithful copy of the parsed data (the CLI's use of it: Pacta.Cli.Tests, SnapshotCacheTests).</summary>
public sealed class SnapshotTests
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Every public property of every loaded object, as JSON, in a stable order.</summary>
    internal static string Dump(WorkspaceData d) => JsonSerializer.Serialize(new
    {
        States = d.States.All,
        Aliases = d.States.Aliases.OrderBy(x => x.Key, StringComparer.Ordinal).ToList(),
        Locations = d.Locations.All.OrderBy(l => l.Code, StringComparer.Ordinal).ToList(),
        Regions = d.Locations.Regions.OrderBy(r => r.Id, StringComparer.Ordinal).ToList(),
        History = d.Locations.History.ToList(),
        d.Atop,
        d.Corpus.Agreements,
        d.Corpus.Organizations,
        d.Corpus.Conflicts,
        CorpusStates = d.Corpus.States.All.Count,
    }, Json);

    internal static WorkspaceData FromSources()
    {
        var ws = new PactaWorkspace(null) { UseSnapshot = false };
        return new WorkspaceData(ws.States, ws.Locations, ws.Atop, ws.Corpus);
    }

    internal static (byte[] Bytes, byte[] Key) Write(WorkspaceData d)
    {
        var key = new byte[] { 1, 2, 3, 4 };
        return (SnapshotWriter.Write(d, key)!, key);
    }

    [Fact]
    public void Round_trip_keeps_every_field_of_states_locations_atop_and_corpus()
    {
        var source = FromSources();
        var (bytes, key) = Write(source);
        var copy = SnapshotReader.TryRead(bytes, key);
        Assert.NotNull(copy);
        Assert.True(source.Corpus.Agreements.Count > 800, "the corpus includes the ATOP alliances");
        Assert.Contains(source.Corpus.Agreements, a => a.Related.Count > 0);
        Assert.NotEmpty(source.Locations.History);
        // ATOP provisions carry their phase spell (format 4); hand-encoded ones none.
        var phase1 = copy.Corpus.Agreement("atop-3740")!.Provisions.Single(p => p.Id == "non-aggression-365-p1");
        Assert.Equal(new Pacta.Domain.DateSpan(new DateOnly(1975, 8, 1), new DateOnly(1990, 11, 21)), phase1.Span);
        Assert.All(copy.Corpus.Agreements.Where(a => a.Origin == AgreementOrigin.Pacta).SelectMany(a => a.Provisions), p => Assert.Null(p.Span));
        // Thresholds and void-if conditions (format 5).
        var draft = copy.Corpus.Agreement("usa-ukr-draft-2025-11")!.Provisions.Single(p => p.Id == "guarantee").Trigger!;
        Assert.Equal(["significant", "deliberate", "sustained"], draft.Threshold!.Attributes);
        Assert.Equal("target-attacked-first", Assert.Single(draft.VoidIf).Attribute);
        var expected = Dump(source);
        Assert.Equal(expected, Dump(copy));
        // The lookups rebuilt from the copy answer like the originals.
        Assert.Equal("Estonia", copy.States.Resolve("EST").State!.Name);
        Assert.Equal(source.States.Resolve("Soviet Union").State?.Cow, copy.States.Resolve("Soviet Union").State?.Cow);
        Assert.Equal("SE", copy.Locations.Find("SE-I")!.Country);
        Assert.NotNull(copy.Corpus.Agreement("north-atlantic-treaty-1949"));
    }

    [Fact]
    public void A_snapshot_with_another_key_or_cut_short_is_not_used()
    {
        var (bytes, key) = Write(FromSources());
        Assert.Null(SnapshotReader.TryRead(bytes, [9, 9, 9, 9]));
        Assert.Null(SnapshotReader.TryRead(bytes.AsSpan(0, bytes.Length / 2).ToArray(), key));
    }
}
