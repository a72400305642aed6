using System.Text.Json;
using Pacta.Tests.Support;
using Pacta.Workspace;
using Pacta.Workspace.Snapshot;
using Xunit;

namespace Pacta.Tests.Cli;

/// <summary>The workspace snapshot cache: a faithful copy of the parsed data, invalidated by any input change.</summary>
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
        var w = new SnapshotWriter();
        w.Workspace(d.States, d.Locations, d.Atop, d.Corpus);
        using var m = new MemoryStream();
        w.CopyTo(m, key);
        return (m.ToArray(), key);
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
        Assert.All(copy.Corpus.Agreements.Where(a => a.Origin == "pacta").SelectMany(a => a.Provisions), p => Assert.Null(p.Span));
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

    [Fact]
    public void Cli_answers_the_same_from_the_snapshot_and_sees_corpus_edits()
    {
        var data = Path.Combine(Path.GetTempPath(), $"pacta-snap-{Guid.NewGuid():N}");
        var corpus = Path.Combine(data, "corpus");
        try
        {
            CopyDirectory(Repo.Path("corpus"), corpus);
            var env = new Dictionary<string, string> { ["PACTA_DATA_DIR"] = data };
            string[] args = ["what-if", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--location", "EE", "--corpus", corpus, "--json"];
            var first = PactaCli.RunWithEnvironment(env, args);
            Assert.Equal(0, first.ExitCode);
            Assert.Single(Directory.GetFiles(Path.Combine(data, "cache"), "workspace-*.bin"));
            var second = PactaCli.RunWithEnvironment(env, args);
            Assert.Equal(first.Stdout, second.Stdout);
            var uncached = PactaCli.RunWithEnvironment(new Dictionary<string, string>(env) { ["PACTA_SNAPSHOT"] = "0" }, args);
            Assert.Equal(uncached.Stdout, second.Stdout);

            // Estonia leaves the EU in an edited copy: the next run must see it, not the cached corpus.
            var eu = Path.Combine(corpus, "organizations", "eu.yaml");
            var text = File.ReadAllText(eu);
            const string member = "  - state: EST\n    from: 2004-05-01\n    to: open";
            Assert.Contains(member, text);
            File.WriteAllText(eu, text.Replace(member, "  - state: EST\n    from: 2004-05-01\n    to: 2020-01-01", StringComparison.Ordinal));
            var edited = PactaCli.RunWithEnvironment(env, args);
            Assert.Equal(0, edited.ExitCode);
            Assert.NotEqual(first.Stdout, edited.Stdout);
            Assert.Contains("target not a member on that date: Estonia", edited.Stdout);
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, true);
        }
    }

    internal static void CopyDirectory(string from, string to)
    {
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
    }
}
