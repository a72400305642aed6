using System.Text.Json.Nodes;
using Pacta.Tests.Support;

namespace Pacta.Tests.Cli;

/// <summary>
/// The triggers the corpus audit of December 2026 found wrong, and the contested readings, through <c>--json</c>.
/// Each expectation is worked by hand from the texts the files cite (Lawfare's release of the US text, TASS and Sofia
/// Globe on the EU commitments, Eurointegration on Romania's, the Kyiv Security Compact's recommendations).
/// </summary>
public sealed class ReadingsWhatIfTests
{
    private static RunResult WhatIf(params string[] args)
    {
        var r = PactaCli.Run(["what-if", .. args, "--json"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return r;
    }

    private static List<JsonNode> Triggered(RunResult r, string agreement, string provision) =>
        [.. r.Json["triggered"]!.AsArray().Where(t => (string?)t!["agreement"] == agreement && (string?)t["provision_id"] == provision).Select(t => t!)];

    private static JsonNode? NotTriggered(RunResult r, string agreement, string provision) =>
        r.Json["not_triggered"]!.AsArray().FirstOrDefault(t => (string?)t!["agreement"] == agreement && (string?)t["provision_id"] == provision);

    [Fact]
    public void WhatIf_ChinaAttacksUkraineAfterAssumedCeasefire_UsAndEuConsultationsTrigger()
    {
        // "In the event of future armed attack or threat of armed attack against Ukraine" (US) and "in the event of
        // future aggression" (EU) name no attacker: after a ceasefire an attack by China triggers both within 24 hours.
        var r = WhatIf("--attacker", "CHN", "--target", "UKR", "--date", "2026-06-01", "--assume-ceasefire", "2026-01-01");

        var us = Assert.Single(Triggered(r, "usa-ukr-2024", "consult-on-future-attack"));
        Assert.Equal("USA", (string?)us["obligor"]!["iso3"]);
        Assert.Equal("2026-06-02T00:00:00Z", (string?)us["deadline"]);
        Assert.Equal("where-possible", (string?)us["firmness"]);

        // The duty to consult is the Union's own: one obligation, owed by the organization, not by 27 member states.
        var eu = Assert.Single(Triggered(r, "eu-ukr-2024", "consult-on-future-attack"));
        Assert.Equal("eu", (string?)eu["obligor"]!["organization"]);
        Assert.Null(eu["obligor"]!["cow"]);
        Assert.Equal("2026-06-02T00:00:00Z", (string?)eu["deadline"]);
        Assert.Contains("the duty falls on the organization itself", eu["explanation"]!.ToJsonString(), StringComparison.Ordinal);

        // Both depend on the contested post-war gate, and say so.
        Assert.Equal("after-hostilities", (string?)us["reading"]);
        Assert.Equal("after-hostilities", (string?)eu["reading"]);
    }

    [Fact]
    public void WhatIf_RussianSignificantEscalation2025_TriggersRomanias24HourConsultation()
    {
        // "in the event of new aggression by Russia … or in the event of a significant escalation": the escalation
        // branch happens during the war, so it is not gated to the time after it.
        var r = WhatIf("--attacker", "RUS", "--target", "UKR", "--date", "2025-06-01", "--kind", "significant-escalation");
        var ro = Assert.Single(r.Json["triggered"]!.AsArray(), t => (string?)t!["agreement"] == "rou-ukr-2024")!;
        Assert.Equal("consultation", (string?)ro["kind"]);
        Assert.Equal("ROU", (string?)ro["obligor"]!["iso3"]);
        Assert.Equal("2025-06-02T00:00:00Z", (string?)ro["deadline"]);
        Assert.Null(ro["reading"]);
    }

    [Fact]
    public void WhatIf_ThreatOfAttack_TriggersTheCompacts24HourMeetingWhenAdopted()
    {
        // "In the event of a threat of an armed attack … guarantors … shall meet within 24 hours."
        var r = WhatIf("--attacker", "RUS", "--target", "UKR", "--date", "2025-06-01", "--kind", "threat-of-attack",
            "--assume-adopted", "kyiv-security-compact-2022");
        var meeting = Triggered(r, "kyiv-security-compact-2022", "convene-and-decide").Where(t => (string?)t["deadline"] == "2025-06-02T00:00:00Z").ToList();
        Assert.Contains(meeting, t => (string?)t["obligor"]!["iso3"] == "USA");
        Assert.All(meeting, t => Assert.True((bool)t["hypothetical"]!));
        // By default only the named states and groups: the seven Central and Eastern European states are assumed.
        var named = meeting.Select(t => (string?)t["obligor"]!["iso3"]).ToHashSet();
        Assert.Equal(17, named.Count);
        Assert.DoesNotContain("HUN", named);
        // The expanded commitments ("all elements of their national and collective strength") need an attack.
        Assert.Contains("needs armed-attack", (string?)NotTriggered(r, "kyiv-security-compact-2022", "all-elements-of-strength")!["reason"], StringComparison.Ordinal);

        // Under the other reading the seven are guarantors by assumption, and their items say so.
        var cee = WhatIf("--attacker", "RUS", "--target", "UKR", "--date", "2025-06-01", "--kind", "threat-of-attack",
            "--assume-adopted", "kyiv-security-compact-2022", "--reading", "cee-guarantors=with-assumed-cee");
        var all = Triggered(cee, "kyiv-security-compact-2022", "convene-and-decide").Where(t => (string?)t["deadline"] == "2025-06-02T00:00:00Z").ToList();
        Assert.Equal(24, all.Count);
        var hun = Assert.Single(all, t => (string?)t["obligor"]!["iso3"] == "HUN");
        Assert.Equal("with-assumed-cee", (string?)hun["reading"]);
        Assert.Contains("by assumption of the encoding", hun["explanation"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(Assert.Single(all, t => (string?)t["obligor"]!["iso3"] == "USA")["reading"]);
    }

    [Fact]
    public void WhatIf_RussiaAttacksUkraine2025_EachReadingOfThePostWarGateGivesItsOwnResult()
    {
        string[] scenario = ["--attacker", "RUS", "--target", "UKR", "--date", "2025-06-01"];

        // Default: the clause waits for the end of the war's hostilities.
        var gated = WhatIf(scenario);
        Assert.Empty(Triggered(gated, "gbr-ukr-2024", "consult-on-future-attack"));
        var not = NotTriggered(gated, "gbr-ukr-2024", "consult-on-future-attack")!;
        Assert.Contains("needs hostilities ended", (string?)not["reason"], StringComparison.Ordinal);
        Assert.Equal("after-hostilities", (string?)not["reading"]);
        var applied = Assert.Single(gated.Json["readings"]!.AsArray(), x => (string?)x!["agreement"] == "gbr-ukr-2024" && (string?)x["provision_id"] == "consult-on-future-attack")!;
        Assert.Equal(("post-war-gate", "after-hostilities", true), ((string?)applied["clause"], (string?)applied["reading"], (bool)applied["default"]!));
        Assert.Equal("renewed-aggression", (string?)applied["alternatives"]![0]);

        // The literal reading: "future Russian armed attack" from signature on.
        var literal = WhatIf([.. scenario, "--reading", "post-war-gate=renewed-aggression"]);
        var uk = Assert.Single(Triggered(literal, "gbr-ukr-2024", "consult-on-future-attack"));
        Assert.Equal("2025-06-02T00:00:00Z", (string?)uk["deadline"]);
        Assert.Equal("renewed-aggression", (string?)uk["reading"]);
        Assert.Single(Triggered(literal, "g7-ukraine-declaration-2023", "consult-on-future-attack"), t => (string?)t["obligor"]!["iso3"] == "USA");
        Assert.False((bool)Assert.Single(literal.Json["readings"]!.AsArray(), x => (string?)x!["agreement"] == "gbr-ukr-2024" && (string?)x["provision_id"] == "consult-on-future-attack")!["default"]!);

        // Chosen for one agreement: the others keep the default.
        var one = WhatIf([.. scenario, "--reading", "gbr-ukr-2024:post-war-gate=renewed-aggression"]);
        Assert.Single(Triggered(one, "gbr-ukr-2024", "consult-on-future-attack"));
        Assert.Empty(Triggered(one, "deu-ukr-2024", "consult-on-future-attack"));
        // And for one provision: the UK's consultation stays gated, its assistance does not.
        var provision = WhatIf([.. scenario, "--reading", "gbr-ukr-2024/assist-after-future-attack:post-war-gate=renewed-aggression"]);
        Assert.Empty(Triggered(provision, "gbr-ukr-2024", "consult-on-future-attack"));
        Assert.NotEmpty(Triggered(provision, "gbr-ukr-2024", "assist-after-future-attack"));
    }

    [Fact]
    public void WhatIf_UsBindingnessReading_ChangesTheBindingnessOfTheItems()
    {
        string[] scenario = ["--attacker", "RUS", "--target", "UKR", "--date", "2025-06-01", "--kind", "threat-of-attack", "--reading", "post-war-gate=renewed-aggression"];
        var political = Assert.Single(Triggered(WhatIf(scenario), "usa-ukr-2024", "consult-on-future-attack"));
        Assert.Equal("political", (string?)political["bindingness"]);
        var binding = Assert.Single(Triggered(WhatIf([.. scenario, "--reading", "usa-ukr-2024:bindingness=binding-agreement"]), "usa-ukr-2024", "consult-on-future-attack"));
        Assert.Equal("legal", (string?)binding["bindingness"]);
        Assert.Contains(binding["depends_on_readings"]!.AsArray(), d => (string?)d!["clause"] == "bindingness" && (string?)d["reading"] == "binding-agreement" && !(bool)d["default"]!);
    }

    [Theory]
    [InlineData("post-war-gate=nope", "'post-war-gate' has no reading 'nope'")]
    [InlineData("postwar-gate=renewed-aggression", "did you mean 'post-war-gate'?")]
    [InlineData("no-such-pact:post-war-gate=renewed-aggression", "unknown agreement 'no-such-pact'")]
    [InlineData("usa-ukr-2024/no-such-provision:post-war-gate=renewed-aggression", "usa-ukr-2024 has no provision 'no-such-provision'")]
    [InlineData("renewed-aggression", "must be CLAUSE=READING")]
    public void WhatIf_BadReading_IsAOneLineErrorNamingTheOption(string reading, string message)
    {
        var r = PactaCli.Run("what-if", "--attacker", "RUS", "--target", "UKR", "--date", "2025-06-01", "--reading", reading, "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.StartsWith("pacta: error: --reading: ", r.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, r.Stderr, StringComparison.Ordinal);
        Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Readings_ListsEveryContestedClauseWithSourcesAndDefault()
    {
        var r = PactaCli.Run("readings", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var clauses = r.Json["clauses"]!.AsArray().Select(c => c!).ToList();
        JsonNode Clause(string agreement, string clause, string? provision = null) =>
            Assert.Single(clauses, c => (string?)c["agreement"] == agreement && (string?)c["clause"] == clause && (provision is null || (string?)c["provision_id"] == provision));

        var gate = Clause("g7-ukraine-declaration-2023", "post-war-gate", "consult-on-future-attack");
        Assert.Equal("after-hostilities", (string?)gate["default"]);
        Assert.Equal(["after-hostilities", "renewed-aggression"], gate["readings"]!.AsArray().Select(x => (string?)x!["id"]));
        var bindingness = Clause("usa-ukr-2024", "bindingness");
        Assert.Null(bindingness["provision_id"]);
        Assert.Contains(bindingness["readings"]!.AsArray(), x => (string?)x!["id"] == "binding-agreement"
            && x["sources"]!.AsArray().Any(s => ((string?)s!["url"] ?? "").Contains("lawfaremedia.org", StringComparison.Ordinal)));
        Clause("kyiv-security-compact-2022", "cee-guarantors");
        foreach (var id in new[] { "usa-ukr-2024", "eu-ukr-2024", "rou-ukr-2024", "gbr-ukr-2024", "deu-ukr-2024" })
            Clause(id, "post-war-gate", "consult-on-future-attack");
        // The Ukraine Compact states the gate in its own words: not contested.
        Assert.DoesNotContain(clauses, c => (string?)c["agreement"] == "ukraine-compact-2024");
        foreach (var c in clauses)
        {
            Assert.Contains((string?)c["default"], c["readings"]!.AsArray().Select(x => (string?)x!["id"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)c["default_reason"]));
            Assert.All(c["readings"]!.AsArray(), x => Assert.All(x!["sources"]!.AsArray(), s => Assert.StartsWith("http", (string?)s!["url"])));
            Assert.All(c["readings"]!.AsArray(), x => Assert.NotEmpty(x!["sources"]!.AsArray()));
        }

        var text = PactaCli.Run("readings");
        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.Contains("usa-ukr-2024  bindingness", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("* after-hostilities", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Cascade_AnOrganizationObligorIsNeverABelligerent_AndTheReadingsAreNamed()
    {
        var r = PactaCli.Run("cascade", "--attacker", "CHN", "--target", "UKR", "--date", "2026-06-01", "--assume-ceasefire", "2026-01-01", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        // The EU's duty to consult draws no "state" into the cascade (the stand-in has COW code 0).
        Assert.DoesNotContain("\"cow\": 0,", r.Stdout, StringComparison.Ordinal);
        Assert.Contains(r.Json["readings"]!.AsArray(), x => (string?)x!["agreement"] == "eu-ukr-2024" && (string?)x["clause"] == "post-war-gate");
    }

    [Fact]
    public void Compare_TakesAReading_AndNamesTheReadingsItUsed()
    {
        var r = PactaCli.Run("compare", "usa-ukr-2024", "gbr-ukr-2024", "--reading", "usa-ukr-2024:bindingness=binding-agreement", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains(r.Json["readings"]!.AsArray(), x => (string?)x!["agreement"] == "usa-ukr-2024" && (string?)x["reading"] == "binding-agreement");
        Assert.Contains("legal", r.Stdout, StringComparison.Ordinal);
    }
}
