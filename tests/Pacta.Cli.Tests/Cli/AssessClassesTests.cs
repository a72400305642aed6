using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pacta.Tests.Support;

namespace Pacta.Tests.Cli;

/// <summary>
/// The per-class summary of <c>pacta assess</c> (<c>classes</c> in the JSON, the rows of the text table) for the US–Ukraine
/// bilateral agreement of 2024, worked by hand from corpus/agreements/usa-ukr-2024.yaml: its only duty on a future armed
/// attack is consult-on-future-attack (the USA meets "where possible within 24 hours": consultative, PT24H), whose gate
/// waits for the end of the current war's hostilities by default (post-war-gate=after-hostilities) and runs from signature
/// under the reading renewed-aggression. Belarus (contiguous) attacking Ukraine during the war: under the default no duty
/// of the draft, under renewed-aggression the USA owes consultation within PT24H in all 14 scenarios of the class (7
/// places × 2 days); an armed attack is never a gap (agreements in force already owe Ukraine more than consultation).
/// </summary>
public sealed class AssessClassesTests
{
    private static readonly Lazy<JsonNode> Json = new(() =>
    {
        var r = PactaCli.Run("assess", "usa-ukr-2024", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        return r.Json;
    });

    private static JsonNode Class(string attacker, bool ceasefire, string kind, string readings) =>
        Assert.Single(Json.Value["classes"]!.AsArray(), c => (string?)c!["attacker"] == attacker && (bool)c["ceasefire"]! == ceasefire
            && (string?)c["kind"] == kind && (string?)c["readings"] == readings)!;

    [Fact]
    public void Classes_BelarusDuringTheWar_DefaultGateObligesNothing_RenewedAggressionUsConsultsWithin24Hours()
    {
        var shut = Class("BLR", false, "armed-attack", "bindingness=political, post-war-gate=after-hostilities");
        Assert.Equal("UKR", (string?)shut["target"]);
        Assert.Equal("contiguous", (string?)shut["attacker_why"]);
        Assert.Equal("R1", (string?)shut["reading_key"]);
        Assert.Equal(14, (int)shut["scenarios"]!);
        Assert.Equal(0, (int)shut["draft_obliges"]!);
        Assert.Empty(shut["draft"]!.AsArray());
        Assert.Equal(0, (int)shut["gaps"]!);
        Assert.Equal("-", (string?)shut["draft_text"]);

        var open = Class("BLR", false, "armed-attack", "bindingness=political, post-war-gate=renewed-aggression");
        Assert.Equal("R2", (string?)open["reading_key"]);
        Assert.Equal(14, (int)open["draft_obliges"]!);
        var duty = Assert.Single(open["draft"]!.AsArray())!;
        Assert.Equal(("USA", "consultative", "political", "PT24H", 14), ((string?)duty["obligor"], (string?)duty["strength"], (string?)duty["bindingness"], (string?)duty["deadline"], (int)duty["scenarios"]!));
        Assert.Equal("USA consultative within PT24H (14/14)", (string?)open["draft_text"]);
        // The USA already owes Ukraine consultation without the draft, but by no deadline as early as 24 hours.
        Assert.Equal("USA sooner", (string?)open["adds_text"]);

        // A threat of attack: no agreement owes more than consultation, so every scenario is a gap, whatever the draft says.
        Assert.Equal(14, (int)Class("BLR", false, "threat-of-attack", "bindingness=political, post-war-gate=renewed-aggression")["gaps"]!);
    }

    [Fact]
    public void Classes_CoverEveryScenarioOnce_ReadingKeysNameEachCombination()
    {
        var classes = Json.Value["classes"]!.AsArray();
        Assert.Equal((int)Json.Value["scenarios"]!, classes.Sum(c => (int)c!["scenarios"]!));
        Assert.Equal((int)Json.Value["gaps"]!, classes.Sum(c => (int)c!["gaps"]!));
        Assert.Equal((int)Json.Value["draft_obliges"]!, classes.Sum(c => (int)c!["draft_obliges"]!));
        // Two contested clauses of two readings each: four combinations, R1 the defaults.
        var keys = Json.Value["reading_labels"]!.AsArray().Select(k => ((string)k!["key"]!, (string)k["readings"]!)).ToList();
        Assert.Equal([
            ("R1", "bindingness=political, post-war-gate=after-hostilities"), ("R2", "bindingness=political, post-war-gate=renewed-aggression"),
            ("R3", "bindingness=binding-agreement, post-war-gate=after-hostilities"), ("R4", "bindingness=binding-agreement, post-war-gate=renewed-aggression")], keys);
    }

    [Fact]
    public void Text_RowsGiveTheReadingKey_LegendGivesTheLabelOnce()
    {
        var r = PactaCli.Run("assess", "usa-ukr-2024");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var label = "usa-ukr-2024 consult-on-future-attack (Response to a future armed attack (section number not retrieved)), clause post-war-gate — reading 'renewed-aggression'";
        Assert.Contains("  R2  usa-ukr-2024, clause bindingness — reading 'political' (default); " + label, r.Stdout);
        // Once per combination with renewed-aggression (R2, R4), not once per row.
        Assert.Equal(2, Regex.Matches(r.Stdout, Regex.Escape(label)).Count);
        // The same row as the JSON's class.
        Assert.Matches(@"UKR←BLR\s+contiguous\s+no\s+armed-attack\s+none\s+R2\s+USA consultative within PT24H \(14/14\)\s+0/14\s+USA sooner", r.Stdout);
        Assert.Matches(@"UKR←BLR\s+contiguous\s+no\s+armed-attack\s+none\s+R1\s+-\s+0/14\s+-", r.Stdout);
    }
}
