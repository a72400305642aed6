using Pacta.Tests.Support;

namespace Pacta.Tests.Cli;

/// <summary>What-if on historical events evaluates the imported ATOP alliances, with explanations citing atop-ID.</summary>
public sealed class HistoricalWhatIfTests
{
    [Fact]
    public void WhatIf_GermanyAttacksRussia1914_FranceOwesDefenceUnderAtop1385()
    {
        var r = PactaCli.Run("what-if", "--attacker", "GMY", "--target", "RUS", "--date", "1914-08-01", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var defence = r.Json["triggered"]!.AsArray().Single(t => (string?)t!["agreement"] == "atop-1385" && (string?)t["kind"] == "defense")!;
        Assert.Equal("FRA", (string?)defence["obligor"]!["iso3"]);
        Assert.Equal("RUS", (string?)defence["beneficiary"]!["iso3"]);
        var tree = defence["explanation"]!;
        Assert.Equal("atop-1385", (string?)tree["source"]!["agreement"]);
        Assert.EndsWith("atop5_1m.csv", (string)tree["source"]!["file"]!);
        // The ATOP condition (specific adversary) cannot be decided from the data: shown as unknown.
        Assert.Contains(tree["children"]!.AsArray(), c => (string?)c!["result"] == "unknown" && ((string)c["check"]!).Contains("defcoadv", StringComparison.Ordinal));
    }

    [Fact]
    public void WhatIf_GermanyAttacksBelgium1914_NoAtopAllianceProtectsBelgium_TripleAllianceExplainsWhy()
    {
        var r = PactaCli.Run("what-if", "--attacker", "GMY", "--target", "BEL", "--date", "1914-08-04", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Empty(r.Json["triggered"]!.AsArray());
        Assert.Contains(r.Json["not_triggered"]!.AsArray(), n => (string?)n!["agreement"] == "atop-1350" && ((string)n["reason"]!).Contains("Belgium", StringComparison.Ordinal));
    }

    [Fact]
    public void WhatIf_Nato2025_AtopCopyOfNatoIsNotCountedTwice()
    {
        var r = PactaCli.Run("what-if", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--json");
        Assert.DoesNotContain(r.Json["triggered"]!.AsArray(), t => (string?)t!["agreement"] == "atop-3180");
    }
}

/// <summary>Territory held by a state that no longer exists: DE belonged to West Germany (COW 260) in 1985.</summary>
public sealed class HistoricalTerritoryTests
{
    [Fact]
    public void WhatIf_AttackOnWestGermany1985_NatoArt5Triggered_BecauseDeWasFrgTerritory()
    {
        var r = PactaCli.Run("what-if", "--attacker", "GDR", "--target", "GFR", "--date", "1985-08-01", "--location", "DE", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var art5 = r.Json["triggered"]!.AsArray().Where(t => (string?)t!["agreement"] == "north-atlantic-treaty-1949" && (string?)t["provision"] == "Art. 5").ToList();
        // NATO had 16 members in 1985 (Spain joined 1982); the 15 others owe West Germany.
        Assert.Equal(15, art5.Count);
        Assert.All(art5, t => Assert.Equal(260, (int)t!["beneficiary"]!["cow"]!));
    }
}
