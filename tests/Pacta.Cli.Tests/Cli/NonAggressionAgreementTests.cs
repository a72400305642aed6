using Pacta.Tests.Support;

namespace Pacta.Tests.Cli;

/// <summary>
/// The what-if and the dyad-years read a multilateral non-aggression promise alike: ATOP codes the Helsinki Final
/// Act (ATOP 3740) as non-aggression among all its members, so Russia's attack on Estonia breaks Russia's promise
/// to Estonia in the what-if, as the directed dyad-year Russia→Estonia has atop_nonagg = 1. The what-if reads the
/// promise through corpus/agreements/helsinki-final-act-1975.yaml, which takes ATOP 3740 over (same-as), once.
/// </summary>
public sealed class NonAggressionAgreementTests
{
    [Fact]
    public void WhatIf_RussiaAttacksEstonia2025_BreaksHelsinkiNonAggression_AsTheDyadYearSays()
    {
        var r = PactaCli.Run("what-if", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var breach = Assert.Single(r.Json["breached"]!.AsArray(), b => (string?)b!["agreement"] == "helsinki-final-act-1975")!;
        Assert.Equal("principle-2", (string?)breach["provision_id"]);
        Assert.Equal("RUS", (string?)breach["obligor"]!["iso3"]);
        Assert.Equal("EST", (string?)breach["beneficiary"]!["iso3"]);
        // ATOP's own rows are not evaluated beside the file that takes them over: no double count.
        Assert.DoesNotContain(r.Json["breached"]!.AsArray(), b => (string?)b!["agreement"] == "atop-3740");
        Assert.DoesNotContain(r.Json["not_triggered"]!.AsArray(), n => (string?)n!["agreement"] == "atop-3740");

        var dyads = PactaCli.Run("dyads", "--directed", "--from", "2025", "--to", "2025");
        Assert.True(dyads.ExitCode == 0, dyads.Stderr);
        var header = dyads.Stdout.Split('\n')[0].Split(',');
        var row = dyads.Stdout.Split('\n').Single(l => l.StartsWith("365,366,2025,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("1", row[Array.IndexOf(header, "atop_nonagg")]);
    }

    [Fact]
    public void WhatIf_RussiaAttacksUkraine2025_BreaksHelsinkiNonAggressionTowardUkraine()
    {
        // The same promise runs to every other party: Ukraine joined the CSCE in 1992.
        var r = PactaCli.Run("what-if", "--attacker", "RUS", "--target", "UKR", "--date", "2025-06-01", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains(r.Json["breached"]!.AsArray(), b => (string?)b!["agreement"] == "helsinki-final-act-1975" && (string?)b["beneficiary"]!["iso3"] == "UKR");
    }
}
