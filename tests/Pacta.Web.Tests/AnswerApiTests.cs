using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Pacta.Web.Tests;

/// <summary>
/// Issue 16 over HTTP: the what-if JSON's <c>answer</c> field (computed in the core), the compact network with its
/// filters, and reference data sent compressed with an ETag that a second request revalidates.
/// </summary>
[Collection("server")]
public sealed class AnswerApiTests(ServerFixture server)
{
    private readonly HttpClient _http = server.Client();

    private async Task<JsonNode> GetJson(string url)
    {
        using var r = await _http.GetAsync(url);
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{url}: {(int)r.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    [Fact]
    public async Task What_if_answer_lists_states_and_provisions_in_reading_order()
    {
        var o = await GetJson("api/what-if?attacker=RUS&target=EST&date=2025-06-01&location=EE");
        var groups = o["answer"]!["groups"]!.AsArray();
        var rank = new[] { "defence", "support", "consultation", "neutrality" };
        // Hand-encoded first, ATOP after; within each, kinds in order.
        var historical = groups.Select(g => (bool)g!["historical"]!).ToList();
        Assert.Equal(historical.Order(), historical);
        foreach (var part in groups.GroupBy(g => (bool)g!["historical"]!))
        {
            var kinds = part.Select(g => Array.IndexOf(rank, (string)g!["kind"]!)).ToList();
            Assert.Equal(kinds.Order(), kinds);
        }
        var art5 = groups.Single(g => (string)g!["agreement"]! == "north-atlantic-treaty-1949" && (string)g!["provision"]! == "Art. 5")!;
        Assert.Equal(31, (int)art5["count"]!);
        Assert.True((bool)art5["immediate"]!);
        Assert.Equal("forthwith", (string?)art5["timing"]);
        Assert.Equal("defence", (string)groups[0]!["kind"]!);

        // Per state: the strongest obligation; the US owes NATO Art. 5 (defence), Ukraine only ATOP promises.
        var states = o["answer"]!["states"]!.AsArray();
        var usa = states.Single(s => (string?)s!["state"]!["iso3"] == "USA")!;
        Assert.Equal("north-atlantic-treaty-1949", (string)usa["agreement"]!);
        Assert.Equal("defence", (string)usa["kind"]!);
        var ukr = states.Single(s => (string?)s!["state"]!["iso3"] == "UKR")!;
        Assert.True((bool)ukr["historical"]!);
        Assert.NotEqual("defence", (string)ukr["kind"]!);
        Assert.Equal(states.Count, o["triggered"]!.AsArray().Select(t => (int)t!["obligor"]!["cow"]!).Distinct().Count());
    }

    [Fact]
    public async Task Network_graph_is_compact_clustered_and_filtered()
    {
        using var r = await _http.GetAsync("api/network/graph?on=2025-06-01");
        var compact = (await r.Content.ReadAsByteArrayAsync()).Length;
        var net = JsonNode.Parse(System.Text.Encoding.UTF8.GetString(await (await _http.GetAsync("api/network/graph?on=2025-06-01")).Content.ReadAsByteArrayAsync()))!;
        using var old = await _http.GetAsync("api/network?on=2025-06-01");
        var verbose = (await old.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(compact * 4 < verbose, $"compact {compact} B vs {verbose} B");
        var edges = net["edges"]!.AsArray();
        Assert.True(edges.Count > 1000);
        Assert.All(edges.Take(50), e => Assert.True(e!.AsArray().Count >= 5));
        Assert.Contains(net["organizations"]!.AsArray(), o => (string)o!["id"]! == "nato");
        Assert.Equal("nato", (string?)net["states"]!.AsArray().Single(s => (string?)s!["iso3"] == "USA")!["cluster"]);

        var nato = await GetJson("api/network/graph?on=2025-06-01&kind=defence&organization=nato&origin=pacta");
        var kinds = nato["kinds"]!.AsArray().Select(k => (string)k!).ToList();
        Assert.All(nato["edges"]!.AsArray(), e => Assert.Equal("defence", kinds[(int)e![3]!]));
        Assert.True(nato["edges"]!.AsArray().Count < edges.Count);

        using var bad = await _http.GetAsync("api/network/graph?organization=warsaw-pact");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("organization", (string?)JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["field"]);
        using var badKind = await _http.GetAsync("api/network/graph?kind=defense-pact");
        Assert.Equal("kind", (string?)JsonNode.Parse(await badKind.Content.ReadAsStringAsync())!["field"]);
    }

    [Theory]
    [InlineData("api/states")]
    [InlineData("api/agreements?origin=pacta")]
    [InlineData("api/agreements/north-atlantic-treaty-1949")]
    [InlineData("api/locations?q=UA-&limit=5")]
    public async Task Reference_data_is_compressed_and_revalidated_by_etag(string url)
    {
        using var first = new HttpRequestMessage(HttpMethod.Get, url);
        first.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var r = await _http.SendAsync(first);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("br", r.Content.Headers.ContentEncoding);
        Assert.Equal("no-cache", r.Headers.CacheControl?.ToString());
        var etag = r.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        using var r2 = await _http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, r2.StatusCode);
        Assert.Empty(await r2.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Locations_are_looked_up_by_prefix_with_a_limit()
    {
        var rows = (await GetJson("api/locations?q=UA-&limit=5")).AsArray();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, l => Assert.StartsWith("UA-", (string)l!["code"]!));
        using var bad = await _http.GetAsync("api/locations?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
