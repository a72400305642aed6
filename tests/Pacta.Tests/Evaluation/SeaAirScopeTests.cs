using Pacta.Contracts;
using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Workspace;

namespace Pacta.Tests.Evaluation;

/// <summary>
/// Attacks on a party's forces, vessels or aircraft at sea or in the air (<c>--location sea-air:ID</c>), worked by hand
/// from the texts: North Atlantic Treaty Art. 6(2) as amended in 1951 (the Mediterranean Sea, the North Atlantic area
/// north of the Tropic of Cancer), ANZUS Art. V (armed forces, public vessels or aircraft in the Pacific), Rio Treaty
/// Art. 3(3) (an armed attack within the region of Art. 4), US-Japan Art. V (territories under Japan's administration
/// only), and the 2024 bilateral agreements with Ukraine, which say nothing of forces at sea.
/// </summary>
public sealed class SeaAirScopeTests
{
    private static readonly Lazy<PactaSession> Session = new(() => PactaSession.Open());
    private static readonly Lazy<Evaluator> Full = new(() => new Evaluator(Session.Value.Corpus));
    private static readonly ScenarioNames Options = new(f => "--" + Words.Of(f), f => "--" + Words.Of(f));

    private static Outcome WhatIf(string attacker, string target, string date, string location, string[]? ceasefire = null)
    {
        var parsed = Session.Value.Parse(new ScenarioInput(attacker, target, date, null, location, ceasefire ?? [], [], []), Options);
        Assert.Empty(parsed.Errors);
        return Full.Value.Evaluate(parsed.Scenario!.Event, parsed.Scenario.Assumptions);
    }

    private static List<int> Obligors(Outcome o, string agreement, string provision) =>
        [.. o.Triggered.Where(t => t.Agreement.Id == agreement && t.Provision.Id == provision).Select(t => t.Obligor.Cow).Distinct().Order()];

    private static string Reason(Outcome o, string agreement, string provision) =>
        o.NotTriggered.First(n => n.Agreement.Id == agreement && n.Provision.Id == provision).Reason;

    [Fact]
    public void A_US_warship_in_the_Mediterranean_invokes_NATO_Art_5_through_Art_6()
    {
        var o = WhatIf("IRN", "USA", "2025-06-01", "sea-air:mediterranean-sea");
        var allies = Obligors(o, "north-atlantic-treaty-1949", "art-5");
        // Every other member on 2025-06-01: 32 members, the US is the target.
        Assert.Equal(31, allies.Count);
        Assert.Contains(200, allies); // United Kingdom
        Assert.Contains(640, allies); // Turkey
        Assert.DoesNotContain(2, allies);
        var t = o.Triggered.First(t => t.Agreement.Id == "north-atlantic-treaty-1949" && t.Provision.Id == "art-5");
        Assert.Contains(Nodes(t.Explanation), n => n.Check.Contains("lies in the Mediterranean Sea (sea-air:mediterranean-sea)"));
        // US-Japan Art. V covers only territories under Japan's administration.
        Assert.Empty(Obligors(o, "usa-jpn-1960", "art-v"));
    }

    [Fact]
    public void A_US_warship_in_the_South_China_Sea_invokes_ANZUS_not_NATO()
    {
        var o = WhatIf("CHN", "USA", "2025-06-01", "sea-air:south-china-sea");
        Assert.Empty(Obligors(o, "north-atlantic-treaty-1949", "art-5"));
        Assert.Contains("location outside scope", Reason(o, "north-atlantic-treaty-1949", "art-5"));
        // ANZUS Art. V: "armed forces, public vessels or aircraft in the Pacific"; the South China Sea lies in the
        // Pacific. Australia owes the US; New Zealand's obligations to the US are suspended since 1986.
        Assert.Equal([900], Obligors(o, "anzus-1951", "art-iv"));
        Assert.Empty(Obligors(o, "usa-jpn-1960", "art-v"));
    }

    [Fact]
    public void A_Philippine_coast_guard_vessel_in_the_South_China_Sea_invokes_US_Philippines_Art_IV()
    {
        // Art. V: "public vessels ... in the Pacific"; the US (2019) and the Guidelines of 2023 place the South China
        // Sea in the Pacific. NATO and ANZUS do not protect the Philippines.
        var o = WhatIf("CHN", "PHL", "2025-06-01", "sea-air:south-china-sea");
        Assert.Equal([2], Obligors(o, "usa-phl-1951", "art-iv"));
        Assert.DoesNotContain(o.Triggered, t => t.Agreement.Id is "north-atlantic-treaty-1949" or "anzus-1951");
        // The imported ATOP 3210 is the same alliance and is evaluated once, through the hand encoding.
        Assert.DoesNotContain(o.Triggered, t => t.Agreement.Id == "atop-3210");
        // A Philippine ship in the Black Sea is outside "the Pacific".
        var far = WhatIf("RUS", "PHL", "2025-06-01", "sea-air:black-sea");
        Assert.Empty(Obligors(far, "usa-phl-1951", "art-iv"));
    }

    [Fact]
    public void A_US_ship_in_the_Philippine_Sea_is_outside_US_Japan_Art_V()
    {
        // US-Japan Art. V covers the territories under Japan's administration only: nothing at sea beyond them.
        var o = WhatIf("CHN", "USA", "2025-06-01", "sea-air:philippine-sea");
        Assert.Empty(Obligors(o, "usa-jpn-1960", "art-v"));
        Assert.Contains("the scope names no sea or air area", Reason(o, "usa-jpn-1960", "art-v"));
        Assert.Equal([840], Obligors(o, "usa-phl-1951", "art-iv"));
        Assert.Equal([900], Obligors(o, "anzus-1951", "art-iv"));
    }

    [Fact]
    public void A_Turkish_ship_in_the_Black_Sea_is_outside_the_Art_6_area()
    {
        // Art. 6(2) names the Mediterranean Sea and the North Atlantic north of the Tropic of Cancer; the Black Sea
        // beyond Turkey's territorial sea is neither (IHO S-23: the Mediterranean ends at the Dardanelles).
        var sea = WhatIf("RUS", "TUR", "2025-06-01", "sea-air:black-sea");
        Assert.Empty(Obligors(sea, "north-atlantic-treaty-1949", "art-5"));
        Assert.Contains("is not in", Reason(sea, "north-atlantic-treaty-1949", "art-5"));
        // The same ship in Turkey's territorial sea is on Turkish territory, which Art. 6(1) names.
        var waters = WhatIf("RUS", "TUR", "2025-06-01", "TR");
        Assert.Equal(31, Obligors(waters, "north-atlantic-treaty-1949", "art-5").Count);
    }

    [Fact]
    public void A_Canadian_ship_north_of_the_tropic_is_covered_but_not_in_the_Caribbean()
    {
        var north = WhatIf("RUS", "CAN", "2025-06-01", "sea-air:north-atlantic-north-of-tropic-of-cancer");
        Assert.Equal(31, Obligors(north, "north-atlantic-treaty-1949", "art-5").Count);
        // The Caribbean lies in the North Atlantic but south of the Tropic of Cancer: outside Art. 6, inside the
        // region of Rio Treaty Art. 4 - but Canada is no Rio party, so neither treaty obliges anyone.
        var caribbean = WhatIf("RUS", "CAN", "2025-06-01", "sea-air:caribbean-sea");
        Assert.Empty(Obligors(caribbean, "north-atlantic-treaty-1949", "art-5"));
        Assert.Empty(Obligors(caribbean, "rio-treaty-1947", "art-3"));
    }

    [Fact]
    public void A_US_ship_in_the_Caribbean_invokes_Rio_Art_3()
    {
        var o = WhatIf("RUS", "USA", "2025-06-01", "sea-air:caribbean-sea");
        var rio = Obligors(o, "rio-treaty-1947", "art-3");
        Assert.Contains(140, rio); // Brazil
        Assert.DoesNotContain(2, rio);
        Assert.Empty(Obligors(o, "north-atlantic-treaty-1949", "art-5"));
    }

    [Fact]
    public void A_scope_that_names_no_sea_area_covers_no_attack_at_sea()
    {
        // The 2024 agreements with Ukraine speak of an armed attack on Ukraine, not on its forces at sea. After an
        // assumed ceasefire a renewed attack on Ukrainian land triggers the UK's consultation duty; the same attack on a
        // Ukrainian ship in the Black Sea does not, and the reason says the scope names no sea area.
        string[] ceasefire = ["2026-01-01"];
        var land = WhatIf("RUS", "UKR", "2027-03-01", "UA", ceasefire);
        Assert.Contains(land.Triggered, t => t.Agreement.Id == "gbr-ukr-2024");
        var sea = WhatIf("RUS", "UKR", "2027-03-01", "sea-air:black-sea", ceasefire);
        Assert.DoesNotContain(sea.Triggered, t => t.Agreement.Id == "gbr-ukr-2024");
        Assert.Contains(sea.NotTriggered, n => n.Agreement.Id == "gbr-ukr-2024" && n.Reason.Contains("the scope names no sea or air area"));
    }

    [Fact]
    public void An_unknown_sea_area_is_a_located_error_listing_the_areas()
    {
        var parsed = Session.Value.Parse(new ScenarioInput("RUS", "TUR", "2025-06-01", null, "sea-air:baltic", [], [], []), Options);
        var error = Assert.Single(parsed.Errors);
        Assert.Contains("unknown sea/air area 'sea-air:baltic'", error.Message);
        Assert.Contains("sea-air:black-sea", error.Message);
    }

    [Fact]
    public void Areas_lie_within_the_larger_areas_the_data_name()
    {
        var l = Session.Value.Corpus.Locations;
        Assert.True(l.SeaAirWithin("south-china-sea", "pacific-ocean"));
        Assert.True(l.SeaAirWithin("caribbean-sea", "north-atlantic-ocean"));
        Assert.False(l.SeaAirWithin("caribbean-sea", "north-atlantic-north-of-tropic-of-cancer"));
        Assert.False(l.SeaAirWithin("black-sea", "mediterranean-sea"));
        // A place at sea is in no land region, and a land place in no sea area.
        Assert.False(l.Matches(l.Find("sea-air:mediterranean-sea")!, "region:europe"));
        Assert.False(l.Matches(l.Find("IT")!, "sea-air:mediterranean-sea"));
    }

    private static IEnumerable<Explanation> Nodes(Explanation e) => [e, .. e.Children.SelectMany(Nodes)];
}
