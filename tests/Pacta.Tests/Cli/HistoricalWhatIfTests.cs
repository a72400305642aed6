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
