using Pacta.Datasets.Atop;

namespace Pacta.Datasets.Tests;

/// <summary>Directions of asymmetric (OBVARY) obligations after 1900, where no published sample is at hand.</summary>
public class DirectionTests
{
    private static readonly Dictionary<(int, int, int), DyadYear> Rows =
        AtopDatasets.Directed(Paths.Atop, new YearRange(1900, 2018)).ToDictionary(r => (r.Ccode1, r.Ccode2, r.Year));

    private static DyadYear At(int a, int b, int year) => Rows[(a, b, year)];

    [Fact]
    public void Locarno_guarantors_defend_Belgium_France_Germany_and_are_not_defended()
    {
        // 1927: only Locarno (2130) links Britain with Belgium and Italy with Germany.
        Assert.Equal(1, At(200, 211, 1927).Defense);
        Assert.Equal(1, At(325, 255, 1927).Defense);
        Assert.Equal(0, At(211, 325, 1927).Defense);
        Assert.Equal(1, At(211, 255, 1927).NonAgg);
        Assert.Equal(0, At(211, 200, 1927).NonAgg);
    }

    [Fact]
    public void Guarantee_rule_Greece_and_Turkey_defend_Cyprus()
    {
        Assert.Equal(1, At(350, 352, 1961).Defense);
        Assert.Equal(1, At(640, 352, 1961).Defense);
        Assert.Equal(0, At(352, 350, 1961).Defense);
        Assert.Equal(1, At(352, 350, 1961).Consul);
    }

    [Fact]
    public void Modern_alliances_run_to_2018()
    {
        Assert.Equal(1, At(2, 200, 2018).Defense);
        Assert.Equal(1, At(200, 2, 1950).Defense);
        Assert.DoesNotContain(Rows.Keys, k => k.Item3 > 2018);
    }
}
