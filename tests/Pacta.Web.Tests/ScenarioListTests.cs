using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;

namespace Pacta.Web.Tests;

/// <summary>
/// Issue 11 rows 2 and 12: the saved-scenario list pages with a cursor, and a row it cannot read (written straight
/// into SQLite) shows as such without breaking the list. Each test has its own server and database.
/// </summary>
[Collection("server")]
public sealed class ScenarioListTests(ServerFixture shared)
{
    private sealed class OwnServer : IAsyncDisposable
    {
        public required WebApplication App { get; init; }
        public required HttpClient Http { get; init; }
        public required string Dir { get; init; }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(Dir, recursive: true);
        }
    }

    private async Task<OwnServer> Start()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"pacta-list-{Guid.NewGuid():N}");
        var app = PactaServer.BuildApp(new ServeOptions { Port = 0, DataDir = dir, Quiet = true }, shared.Data);
        await app.StartAsync();
        return new OwnServer { App = app, Dir = dir, Http = new HttpClient { BaseAddress = new Uri(PactaServer.Urls(app).Single()) } };
    }

    private static async Task Save(HttpClient http, string name)
    {
        using var r = await http.PostAsync("/api/scenarios", new StringContent(new JsonObject { ["name"] = name, ["state"] = new JsonObject { ["n"] = name } }.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
    }

    private static void Insert(string dir, string id, string state, string created = "2026-01-01T00:00:00Z")
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(dir, Storage.DataFolder.DatabaseFile)}");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO scenario (id, name, kind, state, created) VALUES ($id, $id, 'what-if', $state, $created)";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$state", state);
        cmd.Parameters.AddWithValue("$created", created);
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public async Task Bad_stored_rows_do_not_break_the_list()
    {
        await using var s = await Start();
        await Save(s.Http, "good one");
        Insert(s.Dir, "deep62", string.Concat(Enumerable.Repeat("{\"a\":", 62)) + "1" + new string('}', 62));
        Insert(s.Dir, "notjson", "{attacker: RUS");
        Insert(s.Dir, "dupkeys", """{"a":1,"a":2}""");
        Insert(s.Dir, "surrogate", """{"a":"\ud800"}""");
        Insert(s.Dir, "array", "[1,2]");
        Insert(s.Dir, "badstamp", """{"a":1}""", created: "yesterday");

        using var r = await s.Http.GetAsync("/api/scenarios");
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, body);
        var list = JsonNode.Parse(body)!.AsArray().Select(x => x!.AsObject()).ToDictionary(x => (string)x["id"]!);
        Assert.Equal(7, list.Count);
        foreach (var id in new[] { "deep62", "notjson", "dupkeys", "surrogate", "array" })
        {
            Assert.Null(list[id]["state"]);
            Assert.False(string.IsNullOrEmpty((string?)list[id]["state_error"]), id);
        }
        Assert.Equal(1, (int)list["badstamp"]["state"]!["a"]!);
        Assert.Equal("1970-01-01T00:00:00Z", (string?)list["badstamp"]["created"]);
        var good = list.Values.Single(x => (string?)x["name"] == "good one");
        Assert.Equal("good one", (string?)good["state"]!["n"]);
        Assert.Null(good["state_error"]);

        // One by one too.
        using var one = await s.Http.GetAsync("/api/scenarios/deep62");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
    }

    [Fact]
    public async Task The_list_pages_with_a_next_link()
    {
        await using var s = await Start();
        for (var i = 0; i < 7; i++) await Save(s.Http, $"scenario {i}");
        var seen = new List<string>();
        var url = "/api/scenarios?limit=3";
        var pages = 0;
        while (url is not null)
        {
            using var r = await s.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var items = JsonNode.Parse(await r.Content.ReadAsStringAsync())!.AsArray();
            seen.AddRange(items.Select(x => (string)x!["id"]!));
            pages++;
            url = r.Headers.TryGetValues("Link", out var links) ? links.Single().Split('>')[0].TrimStart('<') : null;
            if (url is not null) Assert.Equal(3, items.Count);
        }
        Assert.Equal(3, pages);
        Assert.Equal(7, seen.Count);
        Assert.Equal(7, seen.Distinct().Count());

        // Past the old fixed cap of 500 rows: 600 rows, all reachable.
        for (var i = 0; i < 600; i++) Insert(s.Dir, $"bulk{i:000}", "{}", $"2020-01-01T00:{i / 60:00}:{i % 60:00}Z");
        using var first = await s.Http.GetAsync("/api/scenarios?limit=500");
        Assert.Equal(500, JsonNode.Parse(await first.Content.ReadAsStringAsync())!.AsArray().Count);
        var next = first.Headers.GetValues("Link").Single().Split('>')[0].TrimStart('<');
        using var second = await s.Http.GetAsync(next);
        Assert.Equal(107, JsonNode.Parse(await second.Content.ReadAsStringAsync())!.AsArray().Count);
        Assert.False(second.Headers.Contains("Link"));
    }

    [Theory]
    [InlineData("/api/scenarios?limit=0", "limit")]
    [InlineData("/api/scenarios?limit=501", "limit")]
    [InlineData("/api/scenarios?limit=x", "limit")]
    [InlineData("/api/scenarios?cursor=%%%", "cursor")]
    [InlineData("/api/scenarios?cursor=bm90IGEgY3Vyc29y", "cursor")]
    public async Task Bad_paging_parameters_are_400(string url, string field)
    {
        using var http = shared.Client();
        using var r = await http.GetAsync(url.TrimStart('/'));
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Equal(field, (string?)JsonNode.Parse(body)!["field"]);
    }
}
