using Pacta.Datasets.Atop;

namespace Pacta.Datasets.Tests;

/// <summary>
/// The rules behind the years where ATOP's published directed dyad-years 1900–2018 differed from Pacta's
/// (1925–1936, 1939, 1940, 1956, 1990), on cases worked by hand from the member file (data/atop/atop5_1m.csv)
/// and the codebook. Expected tuples are (defense, offense, neutral, nonagg, consul).
/// </summary>
public class AtopRuleTests
{
    private static readonly Dictionary<(int, int, int), DyadYear> Rows =
        AtopDatasets.Directed(Paths.Atop, new YearRange(1900, 2018)).ToDictionary(r => (r.Ccode1, r.Ccode2, r.Year));

    private static (int, int, int, int, int) At(int a, int b, int year)
    {
        var r = Rows[(a, b, year)];
        return (r.Defense, r.Offense, r.Neutral, r.NonAgg, r.Consul);
    }

    [Fact]
    public void Locarno_1926_non_aggression_runs_among_Belgium_France_and_Germany()
    {
        // Member rows of 2130 (1925-10-16 on): all five DEFENSE = 1; NONAGG = 1 for 211, 220, 255 only; all OBVARY = 1.
        // Defence runs from every member to the three guaranteed states (Britain and Italy guarantee and are not
        // guaranteed); non-aggression runs among its three holders, never to the guarantors.
        // DEU→FRA and FRA→DEU: 2130 is their only alliance in 1926 → defense 1, nonagg 1.
        Assert.Equal((1, 0, 0, 1, 0), At(255, 220, 1926));
        Assert.Equal((1, 0, 0, 1, 0), At(220, 255, 1926));
        // BEL→FRA and FRA→BEL: 2055 (1920, DEFENSE, OBVARY 0) gives defense; 2130 adds non-aggression between
        // the two holders (the old treaty-text coding gave it only between Germany and each of them: nonagg 0).
        Assert.Equal((1, 0, 0, 1, 0), At(211, 220, 1926));
        Assert.Equal((1, 0, 0, 1, 0), At(220, 211, 1926));
        // GBR→FRA: 2130 defence to France + 2095 (Four-Power Pacific Treaty, CONSUL for all, OBVARY 0) → defense, consul.
        // FRA→GBR: France owes the guarantor nothing under 2130 → consul (2095) only.
        Assert.Equal((1, 0, 0, 0, 1), At(200, 220, 1926));
        Assert.Equal((0, 0, 0, 0, 1), At(220, 200, 1926));
        // GBR→ITA: two guarantors share 2130 without promises to each other (SHAREOB) → a row of zeros.
        Assert.Equal((0, 0, 0, 0, 0), At(200, 325, 1926));
    }

    [Fact]
    public void Locarno_ends_with_Belgium_and_Germany_leaving_in_1936()
    {
        // Germany left 2130 on 1936-03-07 and Belgium on 1936-10-14: the rows run through 1936, none in 1937.
        Assert.Equal((1, 0, 0, 1, 0), At(211, 220, 1936));
        Assert.Equal((1, 0, 0, 1, 0), At(255, 211, 1936));
        Assert.False(Rows.ContainsKey((211, 220, 1937)));
        Assert.False(Rows.ContainsKey((255, 220, 1937)));
    }

    [Fact]
    public void Anglo_French_Turkish_treaty_binds_Britain_and_France_to_each_other()
    {
        // 2490 (1939-10-19; France leaves 1940-06-22): Britain and France DEFENSE, OFFENSE, CONSUL with OBVARY 1,
        // Turkey the same plus NEUTRAL with OBVARY 0. Every member makes the defence, offence and consultation
        // promises, so by the guarantee rule each owes them to both others ("if every co-member makes it, to all").
        // 1940: 2490 is the only alliance of Britain and France → defense, offense, consul both ways.
        Assert.Equal((1, 1, 0, 0, 1), At(200, 220, 1940));
        Assert.Equal((1, 1, 0, 0, 1), At(220, 200, 1940));
        // 1939: the Nyon Agreement (2420, DEFENSE, to 1939-03-28) adds nothing new → the same row.
        Assert.Equal((1, 1, 0, 0, 1), At(200, 220, 1939));
        Assert.Equal((1, 1, 0, 0, 1), At(220, 200, 1939));
        // Turkey (OBVARY 0) owes its four promises to Britain.
        Assert.Equal((1, 1, 1, 0, 1), At(640, 200, 1941));
    }

    [Fact]
    public void Sevres_1956_British_neutrality_is_owed_to_Israel_not_France()
    {
        // 3322 (1956-10-24 to 11-06): Britain OFFENSE and NEUTRAL (OBVARY 1), France OFFENSE (OBVARY 1), Israel
        // OFFENSE (OBVARY 0). Offence is made by all → owed to all. Britain's neutrality is owed to Israel only.
        // GBR→FRA: WEU (3130: defense, consul) + NATO (3180: defense, nonagg, consul) + 3322 offense → neutral 0.
        Assert.Equal((1, 1, 0, 1, 1), At(200, 220, 1956));
        Assert.Equal((1, 1, 0, 1, 1), At(220, 200, 1956));
        // GBR→ISR: 3322 only → offense and neutrality.
        Assert.Equal((0, 1, 1, 0, 0), At(200, 666, 1956));
        Assert.Equal((0, 1, 0, 0, 0), At(666, 200, 1956));
    }

    [Fact]
    public void A_state_joining_on_the_day_another_leaves_is_not_paired_with_it_1990()
    {
        // West Germany (260) and East Germany (265) leave 3130/3180/3470/3740 on 1990-10-03, the day Germany (255)
        // joins; North (678) and South Yemen (680) leave 3015/3205 on 1990-05-22, the day Yemen (679) joins.
        // "One state joined the alliance after the other terminated its affiliation" (codebook §2.6–2.7): no row.
        (int, int)[] gone = [(255, 260), (260, 255), (255, 265), (265, 255), (678, 679), (679, 678), (679, 680), (680, 679)];
        foreach (var (a, b) in gone) Assert.False(Rows.ContainsKey((a, b, 1990)), $"{a}→{b} 1990");
        // Each of them still pairs with members it did share days with, e.g. NATO's United States.
        Assert.Equal((1, 0, 0, 1, 1), At(260, 2, 1990));
        Assert.Equal((1, 0, 0, 1, 1), At(255, 2, 1990));
    }

    [Fact]
    public void Directed_table_1815_2018_has_as_many_rows_as_ATOPs_published_ddyr()
    {
        // atop5_1ddyr has 273,296 rows (peacesciencer's data-raw/atop_alliance.R records nrow 273296); the eight
        // 1990 rows above were the whole difference in count.
        Assert.Equal(273_296, AtopDatasets.Directed(Paths.Atop, new YearRange(1815, 2018)).Count);
        Assert.Equal(136_648, AtopDatasets.Undirected(Paths.Atop, new YearRange(1815, 2018)).Count);
    }

    [Fact]
    public void Spells_that_only_touch_on_an_exit_day_make_no_ATOP_pair_but_a_shared_day_does()
    {
        var d = new DateOnly(1990, 10, 3);
        AllianceMemberSpell Spell(int state, DateOnly from, DateOnly? to) => new(state, 0, from, to, AllianceObligations.Defense);
        List<AllianceMemberSpell> spells = [Spell(2, new(1980, 1, 1), d), Spell(3, d, null), Spell(4, d.AddDays(-1), null)];
        List<(int, int, int)> Rows(bool exitDayEnds) =>
            DyadYears.CreateDirected([new AllianceInput(1, spells, exitDayEnds)], new YearRange(1985, 1991))
                .Select(r => (r.Ccode1, r.Ccode2, r.Year)).ToList();
        // ATOP exit days: 2 leaves on the day 3 joins, not a pair. 4 joined the day before 2 left: a pair in 1990.
        var atop = Rows(exitDayEnds: true);
        Assert.DoesNotContain(atop, r => (r.Item1, r.Item2) is (2, 3) or (3, 2));
        Assert.Contains((2, 4, 1990), atop);
        Assert.Contains((3, 4, 1991), atop);
        // Pacta's own spells end on their last day as a member: 2 and 3 were both members on 1990-10-03.
        Assert.Contains((2, 3, 1990), Rows(exitDayEnds: false));
    }
}
