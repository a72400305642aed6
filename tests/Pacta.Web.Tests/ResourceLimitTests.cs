using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Web.Api;

namespace Pacta.Web.Tests;

/// <summary>
/// Issue 11 rows 3 and 4: the what-if answer cache is bounded by bytes, and cascade runs are bounded in number and
/// stop when their request does.
/// </summary>
[Collection("server")]
public sealed class ResourceLimitTests(ServerFixture shared)
{
    [Fact]
    public void The_outcome_cache_stays_under_its_byte_budget_and_keeps_the_recent()
    {
        var cache = new OutcomeCache(256 * 1024);
        var random = new Random(11);
        byte[] Answer()
        {
            // Incompressible enough that each entry costs several KiB.
            var b = new byte[16 * 1024];
            random.NextBytes(b);
            return System.Text.Encoding.UTF8.GetBytes(Convert.ToBase64String(b));
        }
        var makes = 0;
        for (var i = 0; i < 500; i++)
        {
            cache.GetOrAdd($"k{i}", () => { makes++; return Answer(); });
            Assert.InRange(cache.Bytes, 1, cache.BudgetBytes);
            // The first answer is asked for again all the time: it stays.
            cache.GetOrAdd("k0", () => { makes++; return Answer(); });
        }
        Assert.Equal(500, makes);
        Assert.InRange(cache.Count, 2, 499);
        // An answer larger than the whole budget is served but not kept.
        var huge = cache.GetOrAdd("huge", () => Answer().Concat(Answer()).Concat(Answer()).Concat(Answer()).Concat(Answer()).Concat(Answer()).Concat(Answer()).Concat(Answer()).Concat(Answer()).Concat(Answer()).Concat(Answer()).Concat(Answer()).Concat(Answer()).Concat(Answer()).Concat(Answer()).Concat(Answer()).ToArray());
        Assert.True(huge.Identity().Length > cache.BudgetBytes);
        Assert.InRange(cache.Bytes, 1, cache.BudgetBytes);
    }

    [Fact]
    public async Task Distinct_what_ifs_keep_the_server_cache_under_its_budget()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"pacta-cache-{Guid.NewGuid():N}");
        const long budget = 1024 * 1024;
        await using var app = PactaServer.BuildApp(new ServeOptions { Port = 0, DataDir = dir, Quiet = true, OutcomeCacheBytes = budget }, shared.Data);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(PactaServer.Urls(app).Single()) };
        var cache = app.Services.GetRequiredService<OutcomeCache>();
        // Differing only in the time of the date, as in the issue: each a separate ~2 MB answer (~110 KB compressed).
        for (var m = 0; m < 40; m++)
        {
            using var r = await http.GetAsync($"/api/what-if?attacker=RUS&target=EST&date=2025-06-01T10:{m:00}");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.InRange(cache.Bytes, 0, budget);
        }
        Assert.InRange(cache.Count, 2, 39);
        var health = JsonNode.Parse(await http.GetStringAsync("/api/health"))!["outcome_cache"]!;
        Assert.Equal(budget, (long)health["budget_bytes"]!);
        Assert.InRange((long)health["bytes"]!, 1, budget);
        // A client that takes no compression still gets the plain JSON from a cached (compressed-only) answer.
        using var plain = await http.GetAsync("/api/what-if?attacker=RUS&target=EST&date=2025-06-01T10:39");
        Assert.Null(plain.Content.Headers.ContentEncoding.FirstOrDefault());
        Assert.Contains("north-atlantic-treaty-1949", await plain.Content.ReadAsStringAsync());
        await app.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    private static async Task<(WebApplication App, HttpClient Http, string Dir)> Start(ServeData data, ServeOptions options)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"pacta-runs-{Guid.NewGuid():N}");
        var app = PactaServer.BuildApp(options with { Port = 0, DataDir = dir, Quiet = true }, data);
        await app.StartAsync();
        return (app, new HttpClient { BaseAddress = new Uri(PactaServer.Urls(app).Single()), Timeout = TimeSpan.FromSeconds(120) }, dir);
    }

    private const string Cascade = "/api/cascade?attacker=RUS&target=EST&date=2025-06-01&include_atop=false";

    [Fact]
    public async Task Beyond_the_run_limit_a_cascade_is_503_with_retry_after()
    {
        var (app, http, dir) = await Start(shared.Data, new ServeOptions { MaxConcurrentRuns = 1 });
        var gate = app.Services.GetRequiredService<RunGate>();
        Assert.Equal(1, gate.Limit);
        // Another run holds the only slot.
        Assert.True(gate.TryEnter());
        using (var busy = await http.GetAsync(Cascade + "&trials=10"))
        {
            var body = await busy.Content.ReadAsStringAsync();
            Assert.True(busy.StatusCode == HttpStatusCode.ServiceUnavailable, body);
            Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
            Assert.True(busy.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }
        gate.Exit();
        using (var ok = await http.GetAsync(Cascade + "&trials=10")) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(1, gate.Free);
        http.Dispose();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task A_client_that_hangs_up_stops_its_monte_carlo_run()
    {
        var (app, http, dir) = await Start(shared.Data, new ServeOptions { MaxConcurrentRuns = 1, MaxTrials = 2_000_000_000, RequestTimeout = TimeSpan.FromMinutes(30) });
        var gate = app.Services.GetRequiredService<RunGate>();
        // Prepared first (the graph is then cached), so that the run below is all Monte Carlo.
        using (var warm = await http.GetAsync(Cascade + "&trials=1")) Assert.Equal(HttpStatusCode.OK, warm.StatusCode);

        // Two billion trials take many minutes; the client gives up once the run has started.
        using var hangUp = new CancellationTokenSource();
        var request = http.GetAsync(Cascade + "&trials=2000000000", hangUp.Token);
        while (gate.Free == 1 && !request.IsCompleted) await Task.Delay(20);
        hangUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        // The slot comes back when the work stops: within a block of trials, not after two billion.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (gate.Free == 0 && waited.Elapsed < TimeSpan.FromMinutes(2)) await Task.Delay(50);
        Assert.Equal(1, gate.Free);
        using (var next = await http.GetAsync(Cascade + "&trials=10")) Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        http.Dispose();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task The_request_timeout_stops_the_run_too()
    {
        var (app, http, dir) = await Start(shared.Data, new ServeOptions { MaxConcurrentRuns = 1, MaxTrials = 2_000_000_000, RequestTimeout = TimeSpan.FromSeconds(2) });
        var gate = app.Services.GetRequiredService<RunGate>();
        // The graph is prepared (and kept) even if this first request times out.
        using (var warm = await http.GetAsync(Cascade + "&trials=1")) Assert.Contains(warm.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.GatewayTimeout });
        while (gate.Free == 0) await Task.Delay(50);
        using (var r = await http.GetAsync(Cascade + "&trials=2000000000"))
        {
            Assert.Equal(HttpStatusCode.GatewayTimeout, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        }
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (gate.Free == 0 && waited.Elapsed < TimeSpan.FromMinutes(2)) await Task.Delay(50);
        Assert.Equal(1, gate.Free);
        http.Dispose();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }
}
