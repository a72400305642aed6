using System.Text.Json.Nodes;
using Pacta.Tests.Support;

namespace Pacta.Tests.Cascade;

/// <summary>
/// Armenia's standing in the Collective Security Treaty after it froze its participation on 2024-02-22 is a contested
/// reading of csto-1992 (<c>armenia-participation</c>): by default (frozen) it neither owes nor is owed Art. 4's help
/// from that day; <c>member</c> makes it a full party again. Both through <c>--json</c>, with the reading named.
/// </summary>
public sealed class ArmeniaCstoReadingTests
{
    private static JsonObject Json(params string[] args)
    {
        var r = PactaCli.Run([.. args, "--json"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return r.Json.AsObject();
    }

    private static JsonNode? State(JsonObject cascade, string iso3) =>
        cascade["states"]!.AsArray().SingleOrDefault(s => (string?)s!["state"]!["iso3"] == iso3);

    private static JsonNode CstoReading(JsonObject o) =>
        o["readings"]!.AsArray().Single(x => (string?)x!["agreement"] == "csto-1992" && (string?)x["clause"] == "armenia-participation")!;

    private static string[] CstoArt4Obligors(JsonObject whatIf) =>
        [.. whatIf["triggered"]!.AsArray()
            .Where(t => (string?)t!["agreement"] == "csto-1992" && (string?)t["provision_id"] == "art-4")
            .Select(t => (string)t!["obligor"]!["iso3"]!)];

    [Fact]
    public void Cascade_RussiaEstonia2025_Default_ArmeniaIsNotDrawnInByTheCsto_AndTheReadingIsNamed()
    {
        var o = Json("cascade", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01");

        var arm = State(o, "ARM");
        Assert.NotEqual("belligerent", (string?)arm?["role"]);
        Assert.DoesNotContain("csto-1992", arm?["path"]?.ToJsonString() ?? "", StringComparison.Ordinal);
        var reading = CstoReading(o);
        Assert.Equal("frozen", (string?)reading["reading"]);
        Assert.True((bool)reading["default"]!);
        // The other members are still drawn in by Art. 4 or their own treaties.
        Assert.Equal("belligerent", (string?)State(o, "KAZ")!["role"]);
    }

    [Fact]
    public void Cascade_RussiaEstonia2025_MemberReading_DrawsArmeniaInByArt4()
    {
        var o = Json("cascade", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--reading", "armenia-participation=member");

        var arm = State(o, "ARM")!;
        Assert.Equal("belligerent", (string?)arm["role"]);
        Assert.Equal("attacker", (string?)arm["side"]);
        Assert.Equal("csto-1992", (string?)arm["path"]!.AsArray()[^1]!["agreement"]);
        var reading = CstoReading(o);
        Assert.Equal("member", (string?)reading["reading"]);
        Assert.False((bool)reading["default"]!);
    }

    [Fact]
    public void WhatIf_AttackOnRussia_ArmeniaOwesArt4BeforeTheFreezeOnly_UnlessReadAsMember()
    {
        // Before 2024-02-22 Armenia is a party under every reading; after it, only under "member".
        Assert.Contains("ARM", CstoArt4Obligors(Json("what-if", "--attacker", "USA", "--target", "RUS", "--date", "2020-06-01")));

        var frozen = Json("what-if", "--attacker", "USA", "--target", "RUS", "--date", "2025-06-01");
        var obligors = CstoArt4Obligors(frozen);
        Assert.DoesNotContain("ARM", obligors);
        Assert.Contains("KAZ", obligors);
        Assert.Equal("frozen", (string?)CstoReading(frozen)["reading"]);

        var member = Json("what-if", "--attacker", "USA", "--target", "RUS", "--date", "2025-06-01", "--reading", "csto-1992:armenia-participation=member");
        Assert.Contains("ARM", CstoArt4Obligors(member));
        Assert.Equal("member", (string?)CstoReading(member)["reading"]);
    }

    [Fact]
    public void WhatIf_AttackOnArmenia2025_Default_NoCstoPromiseIsOwedToIt()
    {
        var frozen = Json("what-if", "--attacker", "AZE", "--target", "ARM", "--date", "2025-06-01");
        Assert.Empty(CstoArt4Obligors(frozen));

        var member = Json("what-if", "--attacker", "AZE", "--target", "ARM", "--date", "2025-06-01", "--reading", "armenia-participation=member");
        Assert.Contains("RUS", CstoArt4Obligors(member));
    }
}
