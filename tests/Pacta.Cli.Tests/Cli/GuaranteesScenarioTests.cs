using System.Text.Json.Nodes;
using Pacta.Tests.Support;

namespace Pacta.Tests.Cli;

/// <summary>
/// The baseline law and the guarantees of 2025–26 through the real CLI and its --json contract (issue 15, items 3
/// and 4): the UN Charter's Art. 2(4) and the Helsinki Final Act as promises the attacker breaks, and the Paris
/// Declaration and the US draft guarantee under --assume-adopted after an assumed ceasefire, with the draft's
/// threshold ("significant, deliberate and sustained") and void-if condition read from the event's attributes.
/// </summary>
public sealed class GuaranteesScenarioTests
{
    private static JsonNode WhatIf(params string[] args)
    {
        var r = PactaCli.Run(["what-if", .. args, "--json"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("", r.Stderr);
        return r.Json;
    }

    private static List<JsonNode> Items(JsonNode o, string list, string agreement) =>
        o[list]!.AsArray().Select(x => x!).Where(x => (string?)x["agreement"] == agreement).ToList();

    private static readonly string[] Renewed =
        ["--attacker", "RUS", "--target", "UKR", "--date", "2027-03-01", "--location", "UA-63", "--assume-ceasefire", "2026-01-01",
         "--assume-adopted", "usa-ukr-draft-2025-11", "--assume-adopted", "paris-declaration-2026"];

    [Fact]
    public void WhatIf_RussiaAttacksEstonia2025_BreachesUnCharterArt24AndHelsinkiFinalAct()
    {
        var o = WhatIf("--attacker", "RUS", "--target", "EST", "--date", "2025-06-01");

        var charter = Assert.Single(Items(o, "breached", "un-charter-1945"));
        Assert.Equal("Art. 2(4)", (string?)charter["provision"]);
        Assert.Equal("RUS", (string?)charter["obligor"]!["iso3"]);
        Assert.Equal("EST", (string?)charter["beneficiary"]!["iso3"]);
        // Owed to Estonia as a member since its admission on 1991-09-17, not by name.
        var owed = charter["explanation"]!["children"]!.AsArray().Select(c => (string)c!["check"]!).ToList();
        Assert.Contains(owed, c => c.StartsWith("the promise is owed to Estonia, a party with role member", StringComparison.Ordinal));

        var helsinki = Assert.Single(Items(o, "breached", "helsinki-final-act-1975"));
        Assert.Equal("principle-2", (string?)helsinki["provision_id"]);
        // ATOP 3740 is the same instrument: evaluated once, through the hand-encoded file.
        Assert.Empty(Items(o, "breached", "atop-3740"));
        // Art. 51 is a right, not a duty: nothing is owed under it, so it is neither triggered nor listed.
        Assert.DoesNotContain(o["triggered"]!.AsArray(), t => (string?)t!["agreement"] == "un-charter-1945");
    }

    [Fact]
    public void WhatIf_UnCharter_ProtectsOnlyMembersFromTheirAdmission()
    {
        // Estonia was admitted on 1991-09-17: an attack on 1991-09-01 breaks no Charter promise owed to it.
        var o = WhatIf("--attacker", "RUS", "--target", "EST", "--date", "1991-09-01");
        Assert.Empty(Items(o, "breached", "un-charter-1945"));
        var why = Assert.Single(Items(o, "not_triggered", "un-charter-1945"), n => (string?)n["provision"] == "Art. 2(4)");
        Assert.Contains("not owed to Estonia: not a party with role member on 1991-09-01 (becomes a party on 1991-09-17)", (string)why["reason"]!);

        // Any aggression between members: Argentina on the Falklands (both members since 1945).
        var falklands = WhatIf("--attacker", "ARG", "--target", "GBR", "--date", "1982-04-02", "--location", "FK");
        Assert.Single(Items(falklands, "breached", "un-charter-1945"));
    }

    [Fact]
    public void WhatIf_RenewedAttackAfterCeasefire_ParisDeclarationAndUsDraftHypothetical_DraftUndecidedUntilAttributesKnown()
    {
        var o = WhatIf(Renewed);

        // Paris Declaration: France and the UK (the coalition's leads) support Ukraine; no hour limit; conditional on
        // their constitutional arrangements; decided (no threshold, no void-if).
        var paris = Items(o, "triggered", "paris-declaration-2026");
        Assert.Equal(["FRA", "GBR"], paris.Select(t => (string)t["obligor"]!["iso3"]!).Order().ToList());
        Assert.All(paris, t =>
        {
            Assert.True((bool)t["hypothetical"]!);
            Assert.Null(t["deadline"]);
            Assert.Empty(t["undecided"]!.AsArray());
            Assert.Contains(t["conditions"]!.AsArray(), c => (string?)c!["kind"] == "constitutional-processes");
            Assert.Equal("political", (string?)t["bindingness"]);
        });

        // US draft: owed only if the attack is significant, deliberate and sustained and Ukraine did not strike first;
        // the event states neither, so the obligation is listed as undecided, with what would decide it.
        var us = Assert.Single(Items(o, "triggered", "usa-ukr-draft-2025-11"));
        Assert.True((bool)us["hypothetical"]!);
        Assert.Equal("USA", (string?)us["obligor"]!["iso3"]);
        var undecided = us["undecided"]!.AsArray().Select(u => (string)u!).ToList();
        Assert.Equal(2, undecided.Count);
        Assert.StartsWith("threshold undecided", undecided[0], StringComparison.Ordinal);
        Assert.Contains("--event-attribute significant=yes|no --event-attribute deliberate=yes|no --event-attribute sustained=yes|no", undecided[0]);
        Assert.StartsWith("void-if undecided", undecided[1], StringComparison.Ordinal);
        Assert.Contains("--event-attribute target-attacked-first=yes|no", undecided[1]);
        var checks = us["explanation"]!["children"]!.AsArray();
        Assert.Equal(2, checks.Count(c => (string?)c!["result"] == "unknown" && ((string)c!["check"]!).Contains("undecided", StringComparison.Ordinal)));
        Assert.Empty(o["event"]!["attributes"]!.AsObject());
    }

    [Fact]
    public void WhatIf_UsDraft_ThresholdMetAndUkraineDidNotStrikeFirst_Triggers()
    {
        var o = WhatIf([.. Renewed, "--event-attribute", "significant=yes", "--event-attribute", "deliberate=yes",
            "--event-attribute", "sustained=yes", "--event-attribute", "target-attacked-first=no"]);
        var us = Assert.Single(Items(o, "triggered", "usa-ukr-draft-2025-11"));
        Assert.Empty(us["undecided"]!.AsArray());
        var checks = us["explanation"]!["children"]!.AsArray().Select(c => ((string)c!["check"]!, (string)c["result"]!)).ToList();
        Assert.Contains(checks, c => c.Item1.StartsWith("the attack reaches the threshold", StringComparison.Ordinal) && c.Item2 == "met");
        Assert.Contains(checks, c => c.Item1.StartsWith("not void", StringComparison.Ordinal) && c.Item2 == "met");
        Assert.Equal(true, (bool?)o["event"]!["attributes"]!["sustained"]);
        Assert.Equal(false, (bool?)o["event"]!["attributes"]!["target-attacked-first"]);
    }

    [Fact]
    public void WhatIf_UsDraft_ThresholdPartlyUnknown_StaysUndecidedNamingOnlyWhatIsMissing()
    {
        var o = WhatIf([.. Renewed, "--event-attribute", "significant=yes", "--event-attribute", "deliberate=yes", "--event-attribute", "target-attacked-first=no"]);
        var us = Assert.Single(Items(o, "triggered", "usa-ukr-draft-2025-11"));
        var undecided = Assert.Single(us["undecided"]!.AsArray());
        Assert.Contains("unknown whether the attack is sustained (decide with --event-attribute sustained=yes|no)", (string)undecided!);
    }

    [Fact]
    public void WhatIf_UsDraft_NotSustained_BelowTheThreshold()
    {
        var o = WhatIf([.. Renewed, "--event-attribute", "sustained=no"]);
        Assert.Empty(Items(o, "triggered", "usa-ukr-draft-2025-11"));
        var n = Assert.Single(Items(o, "not_triggered", "usa-ukr-draft-2025-11"), x => (string?)x["provision_id"] == "guarantee");
        Assert.StartsWith("below the threshold", (string)n["reason"]!, StringComparison.Ordinal);
        Assert.Contains("stated not sustained", (string)n["reason"]!);
    }

    [Fact]
    public void WhatIf_UkraineAttackedFirst_VoidsTheUsDraftAndTheFrameworkButNotTheParisDeclaration()
    {
        var o = WhatIf([.. Renewed, "--assume-adopted", "peace-framework-2025-12", "--event-attribute", "significant=yes", "--event-attribute", "deliberate=yes",
            "--event-attribute", "sustained=yes", "--event-attribute", "target-attacked-first=yes"]);
        Assert.Empty(Items(o, "triggered", "usa-ukr-draft-2025-11"));
        var us = Assert.Single(Items(o, "not_triggered", "usa-ukr-draft-2025-11"), x => (string?)x["provision_id"] == "guarantee");
        Assert.Equal("void: Ukraine invades Russia or, without cause, strikes Moscow or St Petersburg (the event states target-attacked-first=yes)", (string?)us["reason"]);
        Assert.Empty(Items(o, "triggered", "peace-framework-2025-12"));
        Assert.All(Items(o, "not_triggered", "peace-framework-2025-12").Where(n => ((string)n["provision"]!) == "Point 5"),
            n => Assert.StartsWith("void: ", (string)n["reason"]!, StringComparison.Ordinal));
        // The Paris Declaration has no void-if clause.
        Assert.Equal(2, Items(o, "triggered", "paris-declaration-2026").Count);
    }

    [Fact]
    public void WhatIf_ProposalsWithoutAssumeAdopted_OrWithoutCeasefire_AreNotTriggered()
    {
        var notAdopted = WhatIf("--attacker", "RUS", "--target", "UKR", "--date", "2027-03-01", "--assume-ceasefire", "2026-01-01", "--all");
        foreach (var id in new[] { "usa-ukr-draft-2025-11", "paris-declaration-2026", "peace-framework-2025-12", "istanbul-communique-2022" })
        {
            Assert.Empty(Items(notAdopted, "triggered", id));
            Assert.Contains(Items(notAdopted, "not_triggered", id), n => ((string)n["reason"]!).Contains("evaluate it with --assume-adopted", StringComparison.Ordinal));
        }

        // Adopted but during the war (mid-2026, no ceasefire): the guarantees wait for the end of the current hostilities.
        var war = WhatIf("--attacker", "RUS", "--target", "UKR", "--date", "2026-06-01", "--assume-adopted", "usa-ukr-draft-2025-11", "--assume-adopted", "paris-declaration-2026");
        Assert.Empty(Items(war, "triggered", "usa-ukr-draft-2025-11"));
        Assert.Empty(Items(war, "triggered", "paris-declaration-2026"));
        Assert.StartsWith("needs hostilities ended", (string)Items(war, "not_triggered", "paris-declaration-2026").First(n => (string?)n["provision_id"] == "support-after-new-attack")["reason"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_IstanbulCommunique_GuarantorsConsultWithinThreeDaysButRussiaOwesNothingAgainstItself()
    {
        var o = WhatIf("--attacker", "RUS", "--target", "UKR", "--date", "2027-03-01", "--location", "UA-63", "--assume-adopted", "istanbul-communique-2022");
        var items = Items(o, "triggered", "istanbul-communique-2022");
        var consult = items.Where(t => (string?)t["deadline"] == "2027-03-04T00:00:00Z").Select(t => (string)t["obligor"]!["iso3"]!).Order().ToList();
        Assert.Equal(["CAN", "CHN", "DEU", "FRA", "GBR", "ISR", "ITA", "POL", "TUR", "USA"], consult);
        Assert.DoesNotContain(items, t => (string?)t["obligor"]!["iso3"] == "RUS");
        // Crimea is outside the guarantee.
        var crimea = WhatIf("--attacker", "RUS", "--target", "UKR", "--date", "2027-03-01", "--location", "UA-43", "--assume-adopted", "istanbul-communique-2022");
        Assert.Empty(Items(crimea, "triggered", "istanbul-communique-2022"));
    }

    [Fact]
    public void Show_UsDraft_PrintsItsThresholdAndVoidIf_TextAndJson()
    {
        var text = PactaCli.Run("show", "usa-ukr-draft-2025-11");
        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.Contains("Threshold: \"significant, deliberate and sustained\": the attack must be significant, deliberate, sustained (event attributes)", text.Stdout);
        Assert.Contains("Void if: Ukraine invades Russia or, without cause, strikes Moscow or St Petersburg (event attribute target-attacked-first)", text.Stdout);

        var json = PactaCli.Run("show", "usa-ukr-draft-2025-11", "--json");
        Assert.True(json.ExitCode == 0, json.Stderr);
        var trigger = json.Json["provisions"]!.AsArray().Single(p => (string?)p!["id"] == "guarantee")!["trigger"]!;
        Assert.Equal(["significant", "deliberate", "sustained"], trigger["threshold"]!["all_of"]!.AsArray().Select(a => (string)a!).ToArray());
        Assert.Equal("target-attacked-first", (string?)trigger["void_if"]![0]!["attribute"]);
    }
}
