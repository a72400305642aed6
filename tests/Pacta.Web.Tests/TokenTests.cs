using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Pacta.Web.Tests;

/// <summary>A server with a token: writes without it are refused, reads are not.</summary>
[Collection("server")]
public sealed class TokenTests(ServerFixture shared)
{
    [Fact]
    public async Task Writes_need_the_token_reads_do_not()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"pacta-token-{Guid.NewGuid():N}");
        await using var app = PactaServer.BuildApp(new ServeOptions { Port = 0, DataDir = dir, Token = "s3cret", Quiet = true }, shared.Data);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(PactaServer.Urls(app).Single()) };
        var body = """{"name":"t","state":{"attacker":"RUS"}}""";

        using (var none = await http.PostAsync("/api/scenarios", new StringContent(body, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
            Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"field\":\"Authorization\"", await none.Content.ReadAsStringAsync());
        }
        using (var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/scenarios") { Content = new StringContent(body, Encoding.UTF8, "application/json") })
        {
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "guess");
            using var r = await http.SendAsync(wrong);
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        }
        using (var right = new HttpRequestMessage(HttpMethod.Post, "/api/scenarios") { Content = new StringContent(body, Encoding.UTF8, "application/json") })
        {
            right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
            using var r = await http.SendAsync(right);
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        }
        using (var read = await http.GetAsync("/api/scenarios")) Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task Beyond_loopback_a_token_is_generated()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"pacta-token-{Guid.NewGuid():N}");
        // Built, never started: nothing listens beyond loopback.
        await using var app = PactaServer.BuildApp(new ServeOptions { Host = "0.0.0.0", Port = 0, DataDir = dir, Quiet = true }, shared.Data);
        var token = app.Services.GetRequiredService<ServeOptions>().Token;
        Assert.False(string.IsNullOrEmpty(token));
        Assert.True(token!.Length >= 32);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void Beyond_loopback_is_detected()
    {
        Assert.True(new ServeOptions { Host = "127.0.0.1" }.IsLoopback);
        Assert.True(new ServeOptions { Host = "::1" }.IsLoopback);
        Assert.True(new ServeOptions { Host = "localhost" }.IsLoopback);
        Assert.False(new ServeOptions { Host = "0.0.0.0" }.IsLoopback);
        Assert.False(new ServeOptions { Host = "192.168.1.5" }.IsLoopback);
    }
}
