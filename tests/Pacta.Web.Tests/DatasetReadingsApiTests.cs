using System.Net;
using System.Text.Json.Nodes;

namespace Pacta.Web.Tests;

/// <summary>
/// The readings of the review's contested points in the dataset exports (<c>reading=</c>, as <c>pacta dyads
/// --reading</c>). Worked case: the review of the OAS Charter (ATOP 3150) reads Venezuela's denunciation, notified on
/// 2017-04-28, as effective two years later (Art. 143), so Venezuela's last day as a member is 2019-04-27 (default
/// <c>denunciation-effective</c>); the other reading (<c>revoked-by-assembly</c>) keeps it a member. ATOP counts a
/// dyad-year when the alliance binds both on any day of the year, so Venezuela–United States is an OAS dyad in 2019
/// under both readings and in 2020 under <c>revoked-by-assembly</c> only: defense, non-aggression and consultation
/// (the OAS Charter's obligations), source <c>atop-reviewed</c>. Venezuela's own 2020 state-year then adds 3150 to
/// its one other alliance (2495) and becomes a defense ally.
/// </summary>
[Collection("server")]
public sealed class DatasetReadingsApiTests(ServerFixture server)
{
    private const string Scoped = "atop-3150:venezuela-oas-exit=revoked-by-assembly";
    private readonly HttpClient _http = server.Client();

    private async Task<(HttpResponseMessage Response, string[] Lines)> Csv(string url)
    {
        var r = await _http.GetAsync(url);
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{url}: {(int)r.StatusCode} {body}");
        return (r, body.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string? Readings(HttpResponseMessage r) => r.Headers.TryGetValues("Pacta-Readings", out var v) ? string.Join(",", v) : null;

    [Fact]
    public async Task The_contested_points_are_listed_with_their_readings_default_and_sources()
    {
        using var r = await _http.GetAsync("api/datasets/readings");
        var json = JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
        var point = json["contested"]!.AsArray().Single(c => (string?)c!["clause"] == "venezuela-oas-exit")!;
        Assert.Equal("atop-3150", (string?)point["review"]);
        Assert.Equal(3150, (int)point["atop"]!);
        Assert.Equal("denunciation-effective", (string?)point["default"]);
        Assert.False(string.IsNullOrEmpty((string?)point["default_reason"]));
        var readings = point["readings"]!.AsArray();
        Assert.Equal(["denunciation-effective", "revoked-by-assembly"], readings.Select(x => (string)x!["id"]!).ToArray());
        // Each reading's sources resolve to the review's entries with their addresses.
        Assert.All(readings, x => Assert.All(x!["sources"]!.AsArray(), s => Assert.StartsWith("http", (string?)s!["url"])));
        var list = JsonNode.Parse(await _http.GetStringAsync("api/datasets"))!.AsArray();
        Assert.Equal(2018, (int)list[0]!["release_end"]!);
    }

    [Fact]
    public async Task Venezuela_united_states_2020_is_an_oas_dyad_under_revoked_by_assembly_only()
    {
        var (byDefault, d) = await Csv("api/datasets/dyad-years?from=2019&to=2020");
        Assert.Equal("atop-3150:venezuela-oas-exit=denunciation-effective (default)", Readings(byDefault));
        Assert.Equal("atop-5.1-dyad-years-2019-2020.csv", byDefault.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("2,101,2019,1,0,0,1,1,atop-reviewed", d);
        Assert.DoesNotContain(d, l => l.StartsWith("2,101,2020,", StringComparison.Ordinal) || l.StartsWith("101,2,2020,", StringComparison.Ordinal));

        var (chosen, c) = await Csv($"api/datasets/dyad-years?from=2019&to=2020&reading={Uri.EscapeDataString(Scoped)}");
        Assert.Equal("atop-3150:venezuela-oas-exit=revoked-by-assembly", Readings(chosen));
        Assert.Equal("atop-5.1-dyad-years-2019-2020-venezuela-oas-exit-revoked-by-assembly.csv", chosen.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("2,101,2020,1,0,0,1,1,atop-reviewed", c);
        Assert.Contains("101,2,2020,1,0,0,1,1,atop-reviewed", c);

        // The unscoped form (CLAUSE=READING) reads the same way, as the CLI's --reading does; undirected too.
        var (_, u) = await Csv("api/datasets/dyad-years-undirected?from=2020&to=2020&reading=venezuela-oas-exit%3Drevoked-by-assembly");
        Assert.Contains("2,101,2020,1,0,0,1,1,atop-reviewed", u);
    }

    [Fact]
    public async Task Venezuela_2020_state_year_follows_the_reading()
    {
        var (_, d) = await Csv("api/datasets/state-years?from=2020&to=2020");
        Assert.StartsWith("101,2020,1,0,0,0,1,0,1,0,2495,,", d.Single(l => l.StartsWith("101,", StringComparison.Ordinal)));
        var (chosen, c) = await Csv($"api/datasets/state-years?from=2020&to=2020&reading={Uri.EscapeDataString(Scoped)}");
        Assert.Equal("atop-3150:venezuela-oas-exit=revoked-by-assembly", Readings(chosen));
        Assert.StartsWith("101,2020,1,1,0,0,1,1,2,0,2495,3150,", c.Single(l => l.StartsWith("101,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Within_the_release_no_reading_applies_and_none_is_named()
    {
        var (r, lines) = await Csv($"api/datasets/dyad-years?from=2018&to=2018&reading={Uri.EscapeDataString(Scoped)}");
        Assert.Null(Readings(r));
        Assert.Equal("atop-5.1-dyad-years-2018-2018.csv", r.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("2,101,2018,1,0,0,1,1,atop", lines);
    }

    [Theory]
    [InlineData("venezuela-oas-exit=stayed", "has no reading 'stayed'")]
    [InlineData("atop-3150:no-such-point=x", "no contested point 'no-such-point'")]
    [InlineData("atop-9999:venezuela-oas-exit=revoked-by-assembly", "no reviewed alliance 'atop-9999'")]
    [InlineData("revoked-by-assembly", "must be CLAUSE=READING")]
    public async Task An_unknown_reading_is_a_400_naming_reading_and_listing_the_valid_ones(string reading, string why)
    {
        using var r = await _http.GetAsync($"api/datasets/dyad-years?from=2020&to=2020&reading={Uri.EscapeDataString(reading)}");
        var body = await r.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var p = JsonNode.Parse(body)!;
        Assert.Equal("reading", (string?)p["field"]);
        var detail = (string)p["detail"]!;
        Assert.Contains(why, detail);
        Assert.Contains("valid: atop-3150:venezuela-oas-exit=denunciation-effective, atop-3150:venezuela-oas-exit=revoked-by-assembly", detail);
    }
}
