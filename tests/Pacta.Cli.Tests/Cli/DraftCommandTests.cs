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
    public void Assess_RussiaAttacksAfterCeasefire_AllMet_WhatTheDraftAddsIsADefencePromise()
    {
        // After the ceasefire the US already owes Ukraine discretionary assistance and sanctions (G7 declaration
        // 2023, Ukraine Compact 2024) and a meeting within 24 hours (usa-ukr-2024): the draft's discretionary
        // response, which may include armed force, is neither a new obligor nor stronger nor sooner, but a promise to
        // defend that none of those texts makes.
        var results = Results("RUS", true, "armed-attack", "all met").ToList();
        Assert.Equal(12, results.Count);
        foreach (var r in results)
        {
            var added = Assert.Single(r["additions"]!.AsArray())!;
            Assert.Equal("USA", (string?)added["obligor"]);
            Assert.Equal("defense", (string?)added["what"]);
            Assert.Equal("defense", (string?)Assert.Single(r["draft"]!.AsArray())!["provision_kind"]);
            Assert.Empty(r["added_obligors"]!.AsArray());
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

    /// <summary>
    /// The showcase of README and docs/drafts.md, worked by hand from the two files. The battery (data/battery/default.yaml)
    /// for Ukraine: 14 attackers × 7 places (Ukraine; Kyiv; Kharkiv and Volyn oblasts; Donetsk oblast; Crimea; and
    /// Sevastopol, UA-40, which both scopes name) × 2 days × war and ceasefire × 2 kinds = 784 scenarios per reading
    /// combination. The Compact's response mechanism (convene-and-decide) is owed for an armed attack or a threat of one,
    /// by anyone, anywhere in Ukraine within its 1991 borders, with no post-war gate: it obliges in all 784. The G7
    /// declaration's three clauses on a future attack (consult-, assist-, costs-after-future-attack) are owed only for an
    /// armed attack by Russia (7 places × 2 days), and only after the current hostilities unless the clause is read
    /// renewed-aggression: with all three at after-hostilities only after the ceasefire, 14 scenarios, so the diff removes
    /// 784 − 14 = 770; with any one of them renewed-aggression in war as well, 28, so it removes 784 − 28 = 756. The
    /// combinations: the Compact's cee-guarantors (2 readings) × the G7's post-war-gate on 3 provisions (2 each) = 16;
    /// 2 of them have all three gates at after-hostilities. Totals: 16 × 784 = 12,544 scenarios, 2 × 770 + 14 × 756 =
    /// 12,124 removed, none added (the Compact obliges everywhere), every trigger set changes (no provision in common).
    /// </summary>
    [Fact]
    public void Diff_CompactAgainstG7_RemovesAllButRussianArmedAttacks_PerReadingLabelsNameTheProvision()
    {
        var r = PactaCli.Run("diff", "kyiv-security-compact-2022", "g7-ukraine-declaration-2023", "--json");

        Assert.True(r.ExitCode == 0, r.Stderr);
        var outcome = r.Json["outcome"]!;
        Assert.Equal(12_544, (int)outcome["scenarios"]!);
        Assert.Equal(12_124, (int)outcome["removed"]!);
        Assert.Equal(0, (int)outcome["added"]!);
        Assert.Equal(12_544, (int)outcome["triggers"]!);
        var byReading = r.Json["by_reading"]!.AsArray().Select(x => x!).ToList();
        Assert.Equal(16, byReading.Count);
        Assert.All(byReading, x => Assert.Equal(784, (int)x["scenarios"]!));
        const string closed = "clause post-war-gate — reading 'after-hostilities' (default)";
        foreach (var x in byReading)
        {
            var label = (string)x["label"]!;
            var allClosed = label.Split("; ").Count(part => part.EndsWith(closed, StringComparison.Ordinal)) == 3;
            Assert.Equal(allClosed ? 770 : 756, (int)x["removed"]!);
            // Each clause named by its agreement and provision, not "post-war-gate=…" three times over.
            Assert.Contains("g7-ukraine-declaration-2023 consult-on-future-attack (Future Russian armed attack), clause post-war-gate — reading '", label, StringComparison.Ordinal);
            Assert.Contains("g7-ukraine-declaration-2023 assist-after-future-attack (Future Russian armed attack), clause post-war-gate — reading '", label, StringComparison.Ordinal);
            Assert.Contains("g7-ukraine-declaration-2023 costs-after-future-attack (Future Russian armed attack), clause post-war-gate — reading '", label, StringComparison.Ordinal);
            Assert.Matches("^kyiv-security-compact-2022, clause cee-guarantors — reading '(named-only' \\(default\\)|with-assumed-cee')", label);
        }
        Assert.Equal(2, byReading.Count(x => (int)x["removed"]! == 770));
    }

    /// <summary>
    /// The assessments behind the same showcase: the Compact, assumed adopted, obliges in all 2 × 784 scenarios and in
    /// each adds an obligor owing Ukraine nothing without it (Australia, a named guarantor, is party to no other agreement
    /// with Ukraine); the G7 declaration obliges in 14 + 7 × 28 = 210 of its 8 × 784 = 6,272 (its three gates read
    /// separately), and half its scenarios, the threats of attack, are gaps: no agreement owes more than consultation for
    /// a threat.
    /// </summary>
    [Fact]
    public void Assess_CompactAndG7_ShowcaseCounts()
    {
        var compact = PactaCli.Run("assess", "kyiv-security-compact-2022", "--json");
        Assert.True(compact.ExitCode == 0, compact.Stderr);
        Assert.Equal(1_568, (int)compact.Json["scenarios"]!);
        Assert.Equal(1_568, (int)compact.Json["draft_obliges"]!);
        Assert.Equal(1_568, (int)compact.Json["adds"]!);
        Assert.All(compact.Json["results"]!.AsArray(), x => Assert.Contains("AUS", x!["added_obligors"]!.AsArray().Select(o => (string?)o)));
        Assert.Equal(784, (int)compact.Json["gaps"]!);
        Assert.All(compact.Json["results"]!.AsArray().Where(x => (string?)x!["coverage"] == "gap"), x => Assert.Equal("threat-of-attack", (string?)x!["kind"]));
        var labels = compact.Json["reading_labels"]!.AsArray().Select(x => (string)x!["label"]!).ToList();
        Assert.Equal(["kyiv-security-compact-2022, clause cee-guarantors — reading 'named-only' (default)", "kyiv-security-compact-2022, clause cee-guarantors — reading 'with-assumed-cee'"], labels);

        var g7 = PactaCli.Run("assess", "g7-ukraine-declaration-2023", "--json");
        Assert.True(g7.ExitCode == 0, g7.Stderr);
        Assert.Equal(6_272, (int)g7.Json["scenarios"]!);
        Assert.Equal(210, (int)g7.Json["draft_obliges"]!);
        Assert.Equal(210, (int)g7.Json["adds"]!);
        Assert.Equal(3_136, (int)g7.Json["gaps"]!);
        Assert.All(g7.Json["results"]!.AsArray(), x => Assert.Equal((string?)x!["kind"] == "threat-of-attack" ? "gap" : "covered", (string?)x["coverage"]));
        Assert.All(g7.Json["results"]!.AsArray().Where(x => x!["draft"]!.AsArray().Count > 0), x =>
        {
            Assert.Equal("RUS", (string?)x!["attacker"]);
            Assert.Equal("armed-attack", (string?)x["kind"]);
        });
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
