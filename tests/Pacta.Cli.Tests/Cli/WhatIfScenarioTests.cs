using System.Text.Json.Nodes;
using Pacta.Tests.Support;

namespace Pacta.Tests.Cli;

/// <summary>
/// The worked scenarios of the engine, run through the real CLI and its --json contract. Expectations come
/// from the treaty texts as encoded in corpus/ (see the comments for the hand-worked reasoning).
/// </summary>
public sealed class WhatIfScenarioTests
{
    private static JsonNode WhatIf(params string[] args)
    {
        var r = PactaCli.Run(["what-if", .. args, "--json"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("", r.Stderr);
        return r.Json;
    }

    private static IEnumerable<JsonNode> Triggered(JsonNode o, string agreement, string? provisionId = null) =>
        o["triggered"]!.AsArray().Select(x => x!).Where(x => (string?)x["agreement"] == agreement && (provisionId is null || (string?)x["provision_id"] == provisionId));

    private static IEnumerable<JsonNode> NotTriggered(JsonNode o, string agreement) =>
        o["not_triggered"]!.AsArray().Select(x => x!).Where(x => (string?)x["agreement"] == agreement);

    private static string Iso3(JsonNode state) => (string)state["iso3"]!;

    [Fact]
    public void WhatIf_RussiaAttacksEstonia2025_NatoArt5ForThe31OtherMembersAndTeu427ForThe26OtherEuMembers()
    {
        var o = WhatIf("--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--location", "EE");

        Assert.Equal("armed-attack", (string?)o["event"]!["kind"]);
        Assert.Equal(365, (int)o["event"]!["attacker"]!["cow"]!);
        Assert.Equal("EE", (string?)o["event"]!["location"]);

        // Art. 5: NATO has 32 members on 2025-06-01 (Sweden since 2024-03-07); all but Estonia owe Estonia.
        var art5 = Triggered(o, "north-atlantic-treaty-1949").Where(t => (string?)t["provision"] == "Art. 5").ToList();
        Assert.Equal(31, art5.Count);
        Assert.All(art5, t =>
        {
            Assert.Equal("EST", Iso3(t["beneficiary"]!));
            Assert.Equal("discretionary", (string?)t["strength"]);
            Assert.Equal("legal", (string?)t["bindingness"]);
            Assert.False((bool)t["hypothetical"]!);
            Assert.Equal("met", (string?)t["explanation"]!["result"]);
        });
        var obligors = art5.Select(t => Iso3(t["obligor"]!)).ToHashSet();
        Assert.Contains("USA", obligors);
        Assert.Contains("SWE", obligors);
        Assert.Contains("FIN", obligors);
        Assert.Contains("TUR", obligors);
        Assert.DoesNotContain("EST", obligors);

        // TEU 42(7): 27 EU members (UK left 2020-01-31); the other 26 owe Estonia, with the neutrality carve-out.
        var teu = Triggered(o, "teu-2009-art-42-7").Where(t => (string?)t["kind"] == "defense").ToList();
        Assert.Equal(26, teu.Count);
        Assert.DoesNotContain("GBR", teu.Select(t => Iso3(t["obligor"]!)));
        Assert.Contains("AUT", teu.Select(t => Iso3(t["obligor"]!)));
        Assert.All(teu, t => Assert.Contains(t["conditions"]!.AsArray(), c => (string?)c!["kind"] == "neutrality-carve-out"));
        Assert.All(teu, t => Assert.Equal("automatic", (string?)t["strength"]));

        // CSTO: Estonia is not a member, so nothing triggers, and the reason says so.
        var csto = NotTriggered(o, "csto-1992").ToList();
        Assert.NotEmpty(csto);
        Assert.DoesNotContain(Triggered(o, "csto-1992"), _ => true);
        Assert.All(csto, n => Assert.False(string.IsNullOrWhiteSpace((string?)n["reason"])));
        Assert.Contains(csto, n => ((string)n["reason"]!).Contains("Estonia", StringComparison.Ordinal));
    }

    [Fact]
    public void WhatIf_RussiaAttacksGotland2023_Art5NotTriggeredBecauseSwedenNotYetMember_Teu427Triggered()
    {
        var o = WhatIf("--attacker", "RUS", "--target", "SWE", "--date", "2023-06-01", "--location", "SE-I");

        Assert.Empty(Triggered(o, "north-atlantic-treaty-1949"));
        var art5 = NotTriggered(o, "north-atlantic-treaty-1949").Single(n => (string?)n["provision"] == "Art. 5");
        Assert.Contains("not a party", (string)art5["reason"]!);
        Assert.Contains("2024-03-07", (string)art5["reason"]!);
        Assert.Equal("not met", (string?)art5["explanation"]!["result"]);

        Assert.Equal(26, Triggered(o, "teu-2009-art-42-7").Count(t => (string?)t["kind"] == "defense"));
    }

    [Fact]
    public void WhatIf_RussiaAttacksGotland2024_BothArt5AndTeu427Triggered()
    {
        var o = WhatIf("--attacker", "RUS", "--target", "SWE", "--date", "2024-06-01", "--location", "SE-I");
        Assert.Equal(31, Triggered(o, "north-atlantic-treaty-1949").Count(t => (string?)t["provision"] == "Art. 5"));
        Assert.Equal(26, Triggered(o, "teu-2009-art-42-7").Count(t => (string?)t["kind"] == "defense"));
    }

    [Fact]
    public void WhatIf_RenewedAttackOnKharkiv2027AfterCeasefire_BilateralConsultationsG7AndUkraineCompactTriggered()
    {
        var o = WhatIf("--attacker", "RUS", "--target", "UKR", "--date", "2027-03-01", "--location", "UA-63", "--assume-ceasefire", "2026-01-01");

        // The 24-hour consultation clauses (DE, FR, DK, IT, NL, BE, PT, JP, EU, RO per the sources): deadline 2027-03-02T00:00Z.
        foreach (var id in new[] { "deu-ukr-2024", "fra-ukr-2024", "dnk-ukr-2024", "ita-ukr-2024", "nld-ukr-2024", "bel-ukr-2024", "prt-ukr-2024", "jpn-ukr-2024", "rou-ukr-2024" })
        {
            var consult = Triggered(o, id).Where(t => (string?)t["kind"] == "consultation").ToList();
            Assert.True(consult.Count > 0, $"{id}: no consultation triggered");
            Assert.Contains(consult, t => (string?)t["deadline"] == "2027-03-02T00:00:00Z" && (string?)t["firmness"] == "hard");
        }
        // The EU's commitment: obligors are the EU member states on that day.
        Assert.Contains(Triggered(o, "eu-ukr-2024"), t => (string?)t["kind"] == "consultation" && (string?)t["deadline"] == "2027-03-02T00:00:00Z");
        // The US: "where possible within 24 hours" is kept apart from a hard 24 hours.
        var us = Triggered(o, "usa-ukr-2024").Where(t => (string?)t["kind"] == "consultation").ToList();
        Assert.Contains(us, t => (string?)t["deadline"] == "2027-03-02T00:00:00Z" && (string?)t["firmness"] == "where-possible");
        // G7 declaration and Ukraine Compact: consultation without an hour limit.
        Assert.Contains(Triggered(o, "g7-ukraine-declaration-2023"), t => (string?)t["kind"] == "consultation" && t["deadline"] is null);
        Assert.Contains(Triggered(o, "ukraine-compact-2024"), t => (string?)t["kind"] == "consultation" && t["deadline"] is null);
        // None of them commits forces: no triggered defence obligation towards Ukraine.
        Assert.DoesNotContain(o["triggered"]!.AsArray(), t => (string?)t!["kind"] == "defense");

        // Art. 5 does not apply: Ukraine is not a NATO member.
        var art5 = NotTriggered(o, "north-atlantic-treaty-1949").Single(n => (string?)n["provision"] == "Art. 5");
        Assert.Contains("Ukraine is not a party", (string)art5["reason"]!);
        // Budapest Memorandum para. 4 needs nuclear use; paras 1 and 2 are broken by Russia.
        var para4 = NotTriggered(o, "budapest-memorandum-1994").Where(n => ((string)n["provision"]!).Contains('4')).ToList();
        Assert.Contains(para4, n => ((string)n["reason"]!).Contains("nuclear", StringComparison.Ordinal));
        var breached = o["breached"]!.AsArray().Select(b => b!).Where(b => (string?)b["agreement"] == "budapest-memorandum-1994").ToList();
        Assert.Equal(2, breached.Count);
        Assert.All(breached, b => Assert.Equal("RUS", Iso3(b["obligor"]!)));
    }

    [Fact]
    public void WhatIf_RenewedAttack2027WithoutCeasefire_AfterHostilitiesProvisionsNotTriggeredWithThatReason()
    {
        var o = WhatIf("--attacker", "RUS", "--target", "UKR", "--date", "2027-03-01", "--location", "UA-63");
        Assert.DoesNotContain(o["triggered"]!.AsArray(), t => ((string)t!["agreement"]!).EndsWith("-ukr-2024", StringComparison.Ordinal));
        var deu = NotTriggered(o, "deu-ukr-2024").First(n => (string?)n["provision_id"] == "consult-on-future-attack");
        Assert.Contains("needs hostilities ended", (string)deu["reason"]!);
        Assert.Contains("russia-ukraine-war-2022", (string)deu["reason"]!);
        Assert.Contains(NotTriggered(o, "ukraine-compact-2024"), n => ((string)n["reason"]!).Contains("needs hostilities ended", StringComparison.Ordinal));
    }

    [Fact]
    public void WhatIf_RenewedAttack2027WithCompactAdopted_GuarantorsConveneIn24hAndDecideIn72hHypothetically()
    {
        var o = WhatIf("--attacker", "RUS", "--target", "UKR", "--date", "2027-03-01", "--location", "UA-63",
            "--assume-ceasefire", "2026-01-01", "--assume-adopted", "kyiv-security-compact-2022");
        var ksc = Triggered(o, "kyiv-security-compact-2022").ToList();
        Assert.NotEmpty(ksc);
        Assert.All(ksc, t => Assert.True((bool)t["hypothetical"]!));
        Assert.Contains(ksc, t => (string?)t["deadline"] == "2027-03-02T00:00:00Z");
        Assert.Contains(ksc, t => (string?)t["deadline"] == "2027-03-04T00:00:00Z");
        Assert.Contains(ksc, t => Iso3(t["obligor"]!) == "USA");
        // Obligations of agreements in force are never hypothetical.
        Assert.All(o["triggered"]!.AsArray().Where(t => (string?)t!["agreement"] != "kyiv-security-compact-2022"), t => Assert.False((bool)t!["hypothetical"]!));
    }

    [Theory]
    [InlineData("--attacker", "Atlantis", "--target", "EST", "--date", "2025-06-01")]
    [InlineData("--attacker", "RUS", "--target", "EST", "--date", "1700-01-01")]
    [InlineData("--attacker", "RUS", "--target", "EST", "--date", "2025-13-01")]
    [InlineData("--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--location", "XX-99")]
    [InlineData("--attacker", "RUS", "--target", "UKR", "--date", "2027-03-01", "--assume-adopted", "no-such-pact")]
    [InlineData("--attacker", "RUS", "--target", "UKR", "--date", "2027-03-01", "--kind", "invasion")]
    public void WhatIf_BadInput_OneLineErrorAndExit1(params string[] args)
    {
        var r = PactaCli.Run(["what-if", .. args, "--json"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        var lines = r.Stderr.TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("pacta: error: ", lines[0]);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void WhatIf_MissingRequiredOption_UsageErrorExit2()
    {
        var r = PactaCli.Run("what-if", "--attacker", "RUS");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--target", r.Stderr);
    }
}
