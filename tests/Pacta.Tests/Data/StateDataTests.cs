using Pacta.Authoring.Data;
using Pacta.Domain;
using Pacta.Tests.Support;

namespace Pacta.Tests.Data;

public class StateDataTests
{
    private static readonly Lazy<StateRegistry> Shipped = new(() =>
        StateData.Load(Repo.Path("data", "states", "states.csv"), Repo.Path("data", "states", "aliases.csv")));

    private static StateRegistry Registry => Shipped.Value;

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd");

    [Theory]
    [InlineData("365")]
    [InlineData("RUS")]
    [InlineData("rus")]
    [InlineData("RU")]
    [InlineData("Russia")]
    [InlineData("Russian Federation")]
    [InlineData("USSR")]
    [InlineData("Soviet Union")]
    public void Russia_resolves_by_number_letters_iso_and_name(string query)
    {
        var r = Registry.Resolve(query);
        Assert.True(r.Ok, r.Error);
        Assert.Equal(365, r.State!.Cow);
        Assert.Equal("RUS", r.State.Iso3);
        Assert.Equal("RU", r.State.Iso2);
        Assert.Equal("Russia", r.State.Name);
    }

    [Theory]
    [InlineData("GMY", 255)]
    [InlineData("UKG", 200)]
    [InlineData("TAW", 713)]
    [InlineData("ROK", 732)]
    [InlineData("KOR", 732)]   // ISO3 of South Korea wins over the COW letters of historic Korea (730)
    [InlineData("AUS", 900)]   // ISO3 of Australia wins over the COW letters of Austria (305)
    [InlineData("AUT", 305)]
    [InlineData("US", 2)]
    [InlineData("United States", 2)]
    [InlineData("UK", 200)]
    [InlineData("Britain", 200)]
    [InlineData("South Korea", 732)]
    [InlineData("North Korea", 731)]
    [InlineData("DPRK", 731)]
    [InlineData("Iran", 630)]
    [InlineData("Syria", 652)]
    [InlineData("Czechia", 316)]
    [InlineData("Czech Republic", 316)]
    [InlineData("Türkiye", 640)]
    [InlineData("Turkey", 640)]
    [InlineData("Moldova", 359)]
    [InlineData("Vietnam", 816)]
    [InlineData("Laos", 812)]
    [InlineData("Bolivia", 145)]
    [InlineData("Venezuela", 101)]
    [InlineData("Tanzania", 510)]
    [InlineData("Ivory Coast", 437)]
    [InlineData("Cape Verde", 402)]
    [InlineData("Eswatini", 572)]
    [InlineData("Swaziland", 572)]
    [InlineData("Myanmar", 775)]
    [InlineData("Burma", 775)]
    [InlineData("Macedonia", 343)]
    [InlineData("North Macedonia", 343)]
    [InlineData("Taiwan", 713)]
    [InlineData("Kosovo", 347)]
    [InlineData("Serbia", 345)]
    [InlineData("Yugoslavia", 345)]
    [InlineData("West Germany", 260)]
    [InlineData("Bavaria", 245)]
    public void Common_names_and_codes_resolve(string query, int cow)
    {
        var r = Registry.Resolve(query);
        Assert.True(r.Ok, r.Error);
        Assert.Equal(cow, r.State!.Cow);
    }

    [Fact]
    public void Korea_is_ambiguous_and_lists_both_Koreas()
    {
        var r = Registry.Resolve("Korea");
        Assert.False(r.Ok);
        Assert.Contains(r.Candidates, s => s.Cow == 731);
        Assert.Contains(r.Candidates, s => s.Cow == 732);
        Assert.Contains("ambiguous", r.Error);
    }

    [Fact]
    public void Congo_is_ambiguous()
    {
        var r = Registry.Resolve("Congo");
        Assert.False(r.Ok);
        Assert.Equal([484, 490], r.Candidates.Select(s => s.Cow).Order().ToArray());
    }

    [Fact]
    public void Unknown_name_gives_candidates()
    {
        var r = Registry.Resolve("Rusia");
        Assert.False(r.Ok);
        Assert.Contains("unknown state", r.Error);
        Assert.Contains(r.Candidates, s => s.Cow == 365);
        Assert.False(Registry.Resolve("999").Ok);
    }

    [Fact]
    public void Russia_is_one_continuous_spell_from_1816()
    {
        var s = Registry.ByCow(365)!;
        var spell = Assert.Single(s.Spells);
        Assert.Equal(D("1816-01-01"), spell.From);
        Assert.Null(spell.To);
        Assert.True(s.IsSystemMemberOn(D("1991-12-25")));
        Assert.True(s.IsSystemMemberOn(D("1991-12-26")));
    }

    [Fact]
    public void Germany_ends_in_1945_and_resumes_at_unification()
    {
        var s = Registry.ByCow(255)!;
        Assert.Equal("DEU", s.Iso3);
        Assert.Equal(2, s.Spells.Count);
        Assert.Equal(new DateSpan(D("1816-01-01"), D("1945-05-08")), s.Spells[0]);
        Assert.Equal(new DateSpan(D("1990-10-03"), null), s.Spells[1]);
        Assert.False(s.IsSystemMemberOn(D("1960-01-01")));
        Assert.True(s.IsSystemMemberOn(D("1990-10-03")));
        Assert.False(s.IsSystemMemberOn(D("1990-10-02")));
    }

    [Fact]
    public void The_two_German_states_of_the_cold_war()
    {
        var gfr = Registry.ByCow(260)!;
        Assert.Equal(new DateSpan(D("1955-05-05"), D("1990-10-02")), Assert.Single(gfr.Spells));
        Assert.Null(gfr.Iso3);
        Assert.Equal("GFR", gfr.Code);
        var gdr = Registry.ByCow(265)!;
        Assert.Equal(new DateSpan(D("1954-03-25"), D("1990-10-02")), Assert.Single(gdr.Spells));
    }

    [Fact]
    public void Czechoslovakia_then_Czechia_and_Slovakia()
    {
        var cs = Registry.ByCow(315)!;
        Assert.Null(cs.Iso3);
        Assert.Equal(D("1992-12-31"), cs.Spells[^1].To);
        var cz = Registry.ByCow(316)!;
        Assert.Equal("CZE", cz.Iso3);
        Assert.Equal("Czechia", cz.Name);
        Assert.Equal(new DateSpan(D("1993-01-01"), null), Assert.Single(cz.Spells));
        Assert.Equal("SVK", Registry.ByCow(317)!.Iso3);
    }

    [Fact]
    public void South_Sudan_from_independence()
    {
        var s = Registry.ByCow(626)!;
        Assert.Equal("SSD", s.Iso3);
        Assert.Equal(new DateSpan(D("2011-07-09"), null), Assert.Single(s.Spells));
        Assert.False(s.IsSystemMemberOn(D("2011-07-08")));
    }

    [Fact]
    public void Members_at_the_end_of_2016_are_members_today()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.DoesNotContain(Registry.All.SelectMany(s => s.Spells), sp => sp.To == D("2016-12-31"));
        var members2016 = Registry.All.Where(s => s.IsSystemMemberOn(D("2016-12-31"))).Select(s => s.Cow).ToList();
        var membersToday = Registry.All.Where(s => s.IsSystemMemberOn(today)).Select(s => s.Cow).ToList();
        Assert.Equal(members2016, membersToday);
        Assert.Equal(195, membersToday.Count);
        foreach (var cow in new[] { 2, 347, 369, 626, 713, 365 }) Assert.Contains(cow, membersToday);
    }

    [Fact]
    public void Historic_states_have_no_iso_codes_and_modern_ones_do()
    {
        foreach (var cow in new[] { 240, 245, 260, 265, 267, 269, 271, 300, 315, 327, 329, 511, 678, 680, 730, 817 })
        {
            var s = Registry.ByCow(cow)!;
            Assert.Null(s.Iso3);
            Assert.Null(s.Iso2);
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var withoutIso = Registry.All.Where(s => s.IsSystemMemberOn(today) && s.Iso3 is null).Select(s => s.Cow).ToList();
        Assert.Equal([347], withoutIso); // Kosovo has no ISO 3166-1 code
    }

    [Fact]
    public void Every_iso_code_of_a_state_is_a_listed_location()
    {
        var locations = LocationData.Load(Repo.Path("data", "locations", "locations.csv"), Repo.Path("data", "locations", "regions.yaml"));
        foreach (var s in Registry.All.Where(s => s.Iso2 is not null))
        {
            var loc = locations.Find(s.Iso2!);
            Assert.True(loc is not null, $"{s} has ISO2 {s.Iso2}, which locations.csv lacks");
            Assert.Equal(s.Iso2, loc!.Sovereign);
        }
    }

    [Fact]
    public void Aliases_never_shadow_a_state_name()
    {
        foreach (var s in Registry.All)
        {
            var r = Registry.Resolve(s.Name);
            Assert.True(r.Ok, $"{s.Name}: {r.Error}");
            Assert.Equal(s.Cow, r.State!.Cow);
        }
    }
}
