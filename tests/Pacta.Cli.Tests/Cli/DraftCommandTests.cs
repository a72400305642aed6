using System.Text.Json.Nodes;
using Pacta.Tests.Support;

namespace Pacta.Tests.Cli;

/// <summary>
/// <c>pacta assess</c> and <c>pacta diff</c> on the US draft guarantee of November 2025, worked by hand from its file: the
/// trigger waits for the end of the current hostilities, the attack must be significant, deliberate and sustained, and
/// the guarantee is void if Ukraine attacked first.
/// </summary>
public sealed class DraftCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pacta-drafts-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private static readonly Lazy<JsonNode> UsAssessment = new(() =>
    {
        var r = PactaCli.Run("assess", "usa-ukr-draft-2025-11", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        return r.Json;
    });

    private static string UsDraftText => File.ReadAllText(Repo.Path("corpus", "agreements", "usa-ukr-draft-2025-11.yaml"));

    private static IEnumerable<JsonNode> Results(string attacker, bool ceasefire, string kind, string attributes) =>
        UsAssessment.Value["results"]!.AsArray().Select(x => x!).Where(x => (string?)x["attacker"] == attacker && (bool)x["ceasefire"]! == ceasefire
            && (string?)x["kind"] == kind && (string?)x["attributes"] == attributes);

    [Fact]
    public void Assess_RussiaAttacksAfterCeasefire_AttributesUnknown_UsDecidesResponseUndecidedByThreshold()
    {
        var results = Results("RUS", true, "armed-attack", "unknown").ToList();
        Assert.Equal(12, results.Count); // 6 places × 2 days
        foreach (var r in results)
        {
            var duty = Assert.Single(r["draft"]!.AsArray())!;
            Assert.Equal("USA", (string?)duty["obligor"]);
            Assert.Equal("discretionary", (string?)duty["strength"]);
            var undecided = duty["undecided"]!.AsArray().Select(u => (string)u!).ToList();
            Assert.Contains(undecided, u => u.Contains("threshold undecided", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Assess_AllMetButUkraineAttackedFirst_DraftVoid()
    {
        Assert.All(Results("RUS", true, "armed-attack", "all met"), r => Assert.Equal("USA", (string?)Assert.Single(r["draft"]!.AsArray())!["obligor"]));
        Assert.All(Results("RUS", true, "armed-attack", "target-attacked-first=yes"), r => Assert.Empty(r["draft"]!.AsArray()));
        Assert.All(Results("RUS", true, "armed-attack", "sustained=no"), r => Assert.Empty(r["draft"]!.AsArray()));
    }

    [Fact]
    public void Assess_DuringTheWar_DraftObligesNoOne_ThreatsLeaveAGap()
    {
        // Without the ceasefire the draft's gate (after the hostilities of russia-ukraine-war-2022) is shut whatever the
        // attributes; a threat of attack is a gap: no agreement in force owes Ukraine more than consultation.
        Assert.All(Results("RUS", false, "armed-attack", "all met"), r => Assert.Empty(r["draft"]!.AsArray()));
        var threats = Results("RUS", false, "threat-of-attack", "all met").ToList();
        Assert.NotEmpty(threats);
        Assert.All(threats, r => Assert.Equal("gap", (string?)r["coverage"]));
        Assert.Equal(14 * 6 * 2 * 2 * 2 * 6, (int)UsAssessment.Value["scenarios"]!);
    }

    [Fact]
    public void Assess_Text_TableWithClassesAndGaps()
    {
        var r = PactaCli.Run("assess", "usa-ukr-draft-2025-11");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("assumed adopted: 4032 scenarios", r.Stdout);
        Assert.Contains("USA discretionary [undecided] (12/12)", r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void Diff_ThresholdDropped_AddsTheScenariosItExcluded()
    {
        var file = Path.Combine(_dir, "no-threshold.yaml");
        File.WriteAllText(file, UsDraftText.Replace("      threshold:\n        all_of: [significant, deliberate, sustained]\n        quote: significant, deliberate and sustained\n", "", StringComparison.Ordinal));

        var r = PactaCli.Run("diff", "usa-ukr-draft-2025-11", file, "--json");

        Assert.True(r.ExitCode == 0, r.Stderr);
        var change = Assert.Single(r.Json["changes"]!.AsArray())!;
        Assert.Equal("provision guarantee", (string?)change["where"]);
        Assert.Equal("trigger.threshold", (string?)change["field"]);
        Assert.Null(change["new"]);
        // significant=no, deliberate=no, sustained=no after the ceasefire, RUS attacking: 3 cases × 6 places × 2 days.
        Assert.Equal(36, (int)r.Json["outcome"]!["added"]!);
        Assert.Equal(0, (int)r.Json["outcome"]!["removed"]!);
        Assert.Equal(0, (int)r.Json["outcome"]!["deadlines"]!);
    }

    [Fact]
    public void Diff_DeadlineAdded_ChangesDeadlinesNotTriggers()
    {
        var file = Path.Combine(_dir, "deadline.yaml");
        File.WriteAllText(file, UsDraftText.Replace("        strength: discretionary\n", "        strength: discretionary\n        deadline: PT72H\n", StringComparison.Ordinal));

        var r = PactaCli.Run("diff", "usa-ukr-draft-2025-11", file);

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("provision guarantee: obligations[1].deadline added: PT72H", r.Stdout);
        // Every scenario in which the draft obliges (RUS after the ceasefire, unknown or all met: 2 × 6 × 2).
        Assert.Contains("adds 0 scenario(s), removes 0; changes 0 trigger(s), 24 deadline(s)", r.Stdout);
    }

    [Fact]
    public void Assess_BrokenDraft_LocatedErrorExit1()
    {
        var file = Path.Combine(_dir, "broken.yaml");
        File.WriteAllText(file, UsDraftText.Replace("strength: discretionary", "strength: discretionry", StringComparison.Ordinal));

        var r = PactaCli.Run("assess", file);

        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        var line = UsDraftText.Split('\n').ToList().FindIndex(l => l.Contains("strength: discretionary", StringComparison.Ordinal)) + 1;
        Assert.Contains($"broken.yaml:{line}:19: error", r.Stderr);
        Assert.Contains("discretionry", r.Stderr);
    }

    [Fact]
    public void Assess_UnknownId_Exit1()
    {
        var r = PactaCli.Run("assess", "usa-ukr-draft-2099");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("unknown agreement 'usa-ukr-draft-2099'", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Assess_BadBattery_LocatedErrorExit1()
    {
        var file = Path.Combine(_dir, "battery.yaml");
        File.WriteAllText(file, "dates: [2026-06-01]\nkinds: [armed-attack]\nplaces:\n  UA:\n    capital: [EE-37]\n");

        var r = PactaCli.Run("assess", "usa-ukr-draft-2025-11", "--battery", file);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("battery.yaml:5:15: error: places.UA.capital: 'EE-37' is not a location of UA", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Assess_OwnBattery_OnlyItsScenarios()
    {
        var file = Path.Combine(_dir, "small.yaml");
        File.WriteAllText(file, "dates: [2026-06-01]\nceasefire: 2026-01-01\nkinds: [armed-attack]\nattackers:\n  contiguity: 0\n  wars: false\n  majors: false\n  states: [RUS]\n  mids: none\nattributes: unknown\n");

        var r = PactaCli.Run("assess", "usa-ukr-draft-2025-11", "--battery", file, "--json");

        Assert.True(r.ExitCode == 0, r.Stderr);
        // RUS only, the whole territory, one day, with and without the ceasefire, attributes unknown.
        Assert.Equal(2, (int)r.Json["scenarios"]!);
        Assert.Equal(1, (int)r.Json["draft_obliges"]!);
    }
}
