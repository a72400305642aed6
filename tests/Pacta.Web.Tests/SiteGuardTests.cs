using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Pacta.Web.Tests;

/// <summary>
/// Issue 11 row 1: writes take only JSON, the server answers only to its own names and origins, and every response
/// carries the security headers.
/// </summary>
[Collection("server")]
public sealed class SiteGuardTests(ServerFixture server)
{
    private readonly HttpClient _http = server.Client();
    private const string Scenario = """{"name":"x","kind":"what-if","state":{}}""";

    private async Task<int> ScenarioCount()
    {
        using var r = await _http.GetAsync("api/scenarios?limit=500");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return JsonNode.Parse(await r.Content.ReadAsStringAsync())!.AsArray().Count;
    }

    private static async Task AssertProblem(HttpResponseMessage r, int status, string field)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True((int)r.StatusCode == status, $"expected {status}, got {(int)r.StatusCode}: {body}");
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, (string?)JsonNode.Parse(body)!["field"]);
    }

    [Fact]
    public async Task A_write_without_a_json_content_type_is_415_and_saves_nothing()
    {
        var before = await ScenarioCount();
        // No Content-Type at all: what a browser sends cross-origin for a Blob body, without a preflight.
        var none = new ByteArrayContent(Encoding.UTF8.GetBytes(Scenario));
        Assert.Null(none.Headers.ContentType);
        using (var r = await _http.PostAsync("api/scenarios", none)) await AssertProblem(r, 415, "Content-Type");
        foreach (var type in new[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx" })
        {
            var c = new ByteArrayContent(Encoding.UTF8.GetBytes(Scenario));
            c.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            using var r = await _http.PostAsync("api/scenarios", c);
            await AssertProblem(r, 415, "Content-Type");
        }
        using (var put = await _http.PutAsync("api/drafts/a-draft", new ByteArrayContent(Encoding.UTF8.GetBytes("""{"yaml":"id: x"}"""))))
            await AssertProblem(put, 415, "Content-Type");
        using (var whatIf = await _http.PostAsync("api/what-if", new ByteArrayContent(Encoding.UTF8.GetBytes("""{"attacker":"RUS","target":"EST","date":"2025-06-01"}"""))))
            await AssertProblem(whatIf, 415, "Content-Type");
        Assert.Equal(before, await ScenarioCount());

        // With JSON it is saved (charset allowed).
        using var ok = await _http.PostAsync("api/scenarios", new StringContent(Scenario, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal(before + 1, await ScenarioCount());
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:{port}")]
    [InlineData("127.0.0.1:1")]
    [InlineData("127.0.0.1.nip.io:{port}")]
    public async Task A_host_this_server_was_not_started_for_is_400(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/health");
        request.Headers.Host = host.Replace("{port}", server.BaseUrl.Port.ToString(), StringComparison.Ordinal);
        using var r = await _http.SendAsync(request);
        await AssertProblem(r, 400, "Host");
        Assert.DoesNotContain("agreements", await r.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("LOCALHOST")]
    [InlineData("[::1]")]
    public async Task The_loopback_names_with_the_port_are_answered(string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/health");
        request.Headers.Host = $"{name}:{server.BaseUrl.Port}";
        using var r = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("http://127.0.0.1:1")]
    [InlineData("null")]
    [InlineData("file://")]
    public async Task A_request_from_another_origin_is_403(string origin)
    {
        var before = await ScenarioCount();
        using var post = new HttpRequestMessage(HttpMethod.Post, "api/scenarios") { Content = new StringContent(Scenario, Encoding.UTF8, "application/json") };
        post.Headers.Add("Origin", origin);
        using (var r = await _http.SendAsync(post)) await AssertProblem(r, 403, "Origin");
        using var get = new HttpRequestMessage(HttpMethod.Get, "api/scenarios");
        get.Headers.Add("Origin", origin);
        using (var r = await _http.SendAsync(get)) await AssertProblem(r, 403, "Origin");
        Assert.Equal(before, await ScenarioCount());
    }

    [Fact]
    public async Task The_servers_own_origin_may_write()
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, "api/scenarios") { Content = new StringContent(Scenario, Encoding.UTF8, "application/json") };
        post.Headers.Add("Origin", $"http://localhost:{server.BaseUrl.Port}");
        using var r = await _http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
    }

    [Fact]
    public async Task Allowed_host_adds_a_name()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"pacta-hosts-{Guid.NewGuid():N}");
        await using var app = PactaServer.BuildApp(new ServeOptions { Port = 0, DataDir = dir, Quiet = true, AllowedHosts = ["pacta.test", "other.test:8443"] }, server.Data);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(PactaServer.Urls(app).Single()) };
        async Task<HttpStatusCode> Status(string host, string? origin = null)
        {
            using var m = new HttpRequestMessage(HttpMethod.Get, "/api/health");
            m.Headers.Host = host;
            if (origin is not null) m.Headers.Add("Origin", origin);
            using var r = await http.SendAsync(m);
            return r.StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await Status("pacta.test"));
        Assert.Equal(HttpStatusCode.OK, await Status("pacta.test:9000", "https://pacta.test"));
        Assert.Equal(HttpStatusCode.OK, await Status("other.test:8443"));
        Assert.Equal(HttpStatusCode.BadRequest, await Status("other.test:8444"));
        Assert.Equal(HttpStatusCode.Forbidden, await Status("pacta.test", "https://evil.test"));
        await app.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/what-if")]
    [InlineData("/api/health")]
    [InlineData("/api/no-such-route")]
    [InlineData("/openapi/v1.json")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var r = await _http.GetAsync(path.TrimStart('/'));
        var csp = r.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe", csp);
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", r.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", r.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("same-origin", r.Headers.GetValues("Cross-Origin-Opener-Policy").Single());
        Assert.Equal("same-origin", r.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
    }

    [Fact]
    public async Task A_refused_host_still_gets_the_security_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "what-if");
        request.Headers.Host = "evil.example";
        using var r = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
