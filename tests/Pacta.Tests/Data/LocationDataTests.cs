using Pacta.Authoring.Data;
using Pacta.Domain;
using Pacta.Tests.Support;

namespace Pacta.Tests.Data;

public class LocationDataTests
{
    private static readonly Lazy<LocationIndex> Shipped = new(() =>
        LocationData.Load(Repo.Path("data", "locations", "locations.csv"), Repo.Path("data", "locations", "regions.yaml")));

    private static LocationIndex Index => Shipped.Value;

    private static Location L(string code) => Index.Find(code) ?? throw new Xunit.Sdk.XunitException($"{code} is not listed");

    private static bool In(string code, string region) => Index.Matches(L(code), "region:" + region);

    [Fact]
    public void Regions_used_by_the_corpus_exist()
    {
        foreach (var id in new[] { "europe", "north-america", "north-atlantic-islands-north-of-tropic-of-cancer", "pacific-area", "ukraine-1991-borders", "japan-administered" })
            Assert.NotNull(Index.FindRegion(id));
    }

    [Theory]
    [InlineData("UA")]
    [InlineData("UA-43")]
    [InlineData("UA-40")]
    [InlineData("UA-63")]
    [InlineData("UA-14")]
    public void Ukraine_1991_borders_include_Crimea_and_the_east(string code) => Assert.True(In(code, "ukraine-1991-borders"));

    [Theory]
    [InlineData("RU")]
    [InlineData("BY")]
    [InlineData("MD")]
    public void Ukraine_1991_borders_exclude_neighbours(string code) => Assert.False(In(code, "ukraine-1991-borders"));

    [Theory]
    [InlineData("UA-43", 45.3, 34.4)]
    [InlineData("UA-40", 44.6, 33.5)]
    [InlineData("UA-63", 49.5, 36.5)]
    [InlineData("US-HI", 20.8, -157.0)]
    [InlineData("US-AK", 64.0, -152.0)]
    [InlineData("ES-CN", 28.3, -15.7)]
    [InlineData("ES-ML", 35.3, -2.9)]
    [InlineData("ES-CE", 35.9, -5.3)]
    [InlineData("PT-20", 38.5, -28.0)]
    [InlineData("PT-30", 32.7, -17.0)]
    [InlineData("FR-971", 16.2, -61.6)]
    [InlineData("FR-972", 14.6, -61.0)]
    [InlineData("FR-973", 4.0, -53.0)]
    [InlineData("FR-974", -21.1, 55.5)]
    [InlineData("FR-976", -12.8, 45.2)]
    [InlineData("NO-21", 78.5, 17.0)]
    [InlineData("SE-I", 57.5, 18.5)]
    [InlineData("EE", 58.7, 25.5)]
    [InlineData("JP-47", 25.5, 126.0)]
    [InlineData("GL", 72.0, -40.0)]
    [InlineData("FK", -51.7, -59.4)]
    [InlineData("US", 39.5, -98.5)]
    [InlineData("FR", 46.5, 2.5)]
    [InlineData("NO", 64.0, 12.0)]
    [InlineData("AU", -25.5, 134.0)]
    public void Centres_are_roughly_right(string code, double lat, double lon)
    {
        var l = L(code);
        Assert.InRange(l.Latitude, lat - 2.5, lat + 2.5);
        Assert.InRange(l.Longitude, lon - 4, lon + 4);
    }

    [Fact]
    public void Falklands_are_not_north_of_the_tropic()
    {
        Assert.False(In("FK", "north-atlantic-islands-north-of-tropic-of-cancer"));
        Assert.False(In("FK", "europe"));
        Assert.False(In("FK", "north-america"));
        Assert.Equal("GB", L("FK").Sovereign);
    }

    [Theory]
    [InlineData("ES-CN")]
    [InlineData("ES-GC")]
    [InlineData("ES-TF")]
    [InlineData("PT-20")]
    [InlineData("PT-30")]
    [InlineData("IS")]
    [InlineData("GL")]
    [InlineData("FO")]
    [InlineData("SJ")]
    [InlineData("NO-21")]
    [InlineData("BM")]
    [InlineData("PM")]
    [InlineData("IM")]
    [InlineData("JE")]
    [InlineData("GG")]
    public void North_Atlantic_islands_north_of_the_tropic(string code) =>
        Assert.True(In(code, "north-atlantic-islands-north-of-tropic-of-cancer"));

    [Theory]
    [InlineData("US-HI")]
    [InlineData("PR")]
    [InlineData("US-PR")]
    [InlineData("TC")]
    [InlineData("CV")]
    [InlineData("FK")]
    [InlineData("SH")]
    [InlineData("ES")]
    [InlineData("GB")]
    public void Not_North_Atlantic_islands_north_of_the_tropic(string code) =>
        Assert.False(In(code, "north-atlantic-islands-north-of-tropic-of-cancer"));

    [Fact]
    public void Hawaii_is_in_no_North_Atlantic_Treaty_region()
    {
        foreach (var r in new[] { "europe", "north-america", "north-atlantic-islands-north-of-tropic-of-cancer" })
            Assert.False(In("US-HI", r), r);
        Assert.True(In("US-AK", "north-america"));
        Assert.True(In("US", "north-america"));
        Assert.True(In("US-NY", "north-america"));
        Assert.True(In("CA", "north-america"));
        Assert.True(In("GL", "north-america"));
        Assert.False(In("PR", "north-america"));
        Assert.False(In("US-PR", "north-america"));
    }

    [Fact]
    public void Europe_and_its_edges()
    {
        Assert.True(In("SE-I", "europe"));
        Assert.True(L("SE-I").Island);
        Assert.True(In("EE", "europe"));
        Assert.True(In("RU", "europe"));
        Assert.True(In("RU-KGD", "europe"));
        Assert.False(In("RU-KAM", "europe"));
        Assert.True(In("PT-20", "europe"));
        Assert.False(In("ES-CE", "europe"));
        Assert.False(In("ES-ML", "europe"));
        Assert.False(In("ES-CN", "europe"));
        Assert.Equal("Africa", L("ES-CE").Continent);
        Assert.Equal("Africa", L("ES-ML").Continent);
        Assert.False(In("GF", "europe"));
        Assert.False(In("FR-973", "europe"));
        Assert.True(In("FR", "europe"));
    }

    [Fact]
    public void Turkey_is_Asia()
    {
        Assert.Equal("Asia", L("TR").Continent);
        Assert.False(In("TR", "europe"));
        Assert.Equal("Europe", L("RU").Continent);
        Assert.Equal("North America", L("GL").Continent);
        foreach (var c in new[] { "GE", "AM", "AZ", "CY" }) Assert.Equal("Asia", L(c).Continent);
    }

    [Fact]
    public void Pacific_area()
    {
        foreach (var c in new[] { "AU", "NZ", "US-HI", "GU", "US-GU", "MP", "AS", "UM", "KR", "JP", "JP-47", "PH", "FJ", "PG", "NC" })
            Assert.True(In(c, "pacific-area"), c);
        foreach (var c in new[] { "US", "US-NY", "US-PR", "UM-76", "GB", "IN" })
            Assert.False(In(c, "pacific-area"), c);
        Assert.True(In("JP-47", "japan-administered"));
        Assert.True(In("JP", "japan-administered"));
        Assert.False(In("KR", "japan-administered"));
    }

    [Fact]
    public void Sovereigns_of_territories_and_subdivisions()
    {
        var expected = new Dictionary<string, string>
        {
            ["GL"] = "DK", ["FO"] = "DK", ["FK"] = "GB", ["BM"] = "GB", ["PR"] = "US", ["GU"] = "US", ["SJ"] = "NO",
            ["AX"] = "FI", ["PM"] = "FR", ["NC"] = "FR", ["AW"] = "NL", ["HK"] = "CN", ["IM"] = "GB", ["TW"] = "TW",
            ["UA-43"] = "UA", ["UA-40"] = "UA", ["FR-973"] = "FR", ["US-HI"] = "US", ["CN-TW"] = "TW", ["DE"] = "DE",
        };
        foreach (var (code, sov) in expected) Assert.Equal(sov, L(code).Sovereign);
        Assert.Equal("UA", L("UA-43").Country);
    }

    [Fact]
    public void Islands()
    {
        foreach (var c in new[] { "GB", "IE", "IS", "JP", "GL", "CY", "MT", "US-HI", "ES-CN", "PT-20", "FR-20R", "IT-82", "GR-M", "NO-21", "SE-I", "JP-47" })
            Assert.True(L(c).Island, c);
        foreach (var c in new[] { "US", "FR", "DE", "UA", "UA-43", "ES-CE", "ES-ML", "US-AK", "RU", "AU", "NO", "DK", "TR" })
            Assert.False(L(c).Island, c);
    }

    [Fact]
    public void Every_location_is_well_formed()
    {
        Assert.True(Index.All.Count(l => !l.IsSubdivision) >= 249);
        Assert.True(Index.All.Count(l => l.IsSubdivision) >= 5000);
        foreach (var l in Index.All)
        {
            Assert.NotNull(Index.Find(l.Country));
            Assert.False(Index.Find(l.Sovereign)!.IsSubdivision);
            if (l.IsSubdivision && l.Code != "CN-TW") Assert.Equal(Index.Find(l.Country)!.Sovereign, l.Sovereign);
        }
    }
}
