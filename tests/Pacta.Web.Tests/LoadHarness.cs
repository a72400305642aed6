using System.Diagnostics;
using System.Net;

namespace Pacta.Web.Tests;

/// <summary>Figures of one load run.</summary>
public sealed record LoadReport(int Requests, int Errors, double Seconds, double RequestsPerSecond, double P50Ms, double P99Ms, double MaxMs, long Bytes, bool Capped)
{
    public override string ToString() =>
        $"{Requests} requests, {Errors} errors in {Seconds:0.00} s: {RequestsPerSecond:0} req/s, p50 {P50Ms:0.000} ms, p99 {P99Ms:0.000} ms, max {MaxMs:0.0} ms, " +
        $"{Bytes / Math.Max(1, Requests)} bytes/response{(Capped ? " (stopped at the time cap)" : "")}";
}

/// <summary>
/// A bounded load: a fixed number of GETs of one URL by a fixed number of concurrent workers over keep-alive
/// connections, stopped early at a time cap. Refuses any address that is not loopback.
/// </summary>
public static class LoadHarness
{
    public static async Task<LoadReport> Run(Uri url, int requests, int concurrency, TimeSpan cap)
    {
        if (!url.IsLoopback || !(IPAddress.TryParse(url.Host, out var ip) ? IPAddress.IsLoopback(ip) : url.Host == "localhost"))
            throw new ArgumentException($"load runs only against loopback, not {url.Host}");
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        // As a browser does, ask for Brotli; like wrk, count the bytes received without decompressing them.
        http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");

        // Warm-up: connections, JIT, the outcome cache.
        for (var i = 0; i < Math.Min(200, requests); i++) await Once(http, url);

        var latencies = new long[requests];
        var next = -1;
        var errors = 0;
        long bytes = 0;
        using var stop = new CancellationTokenSource(cap);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while (!stop.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < requests)
            {
                var t0 = Stopwatch.GetTimestamp();
                var (ok, n) = await Once(http, url);
                latencies[i] = Stopwatch.GetTimestamp() - t0;
                if (!ok) Interlocked.Increment(ref errors);
                Interlocked.Add(ref bytes, n);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();
        var done = Math.Min(requests, next);
        var ms = latencies.Take(done).Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        double At(double q) => ms.Length == 0 ? 0 : ms[Math.Min(ms.Length - 1, (int)Math.Ceiling(q * ms.Length) - 1)];
        return new LoadReport(done, errors + (requests - done), clock.Elapsed.TotalSeconds, done / clock.Elapsed.TotalSeconds,
            At(0.50), At(0.99), ms.Length == 0 ? 0 : ms[^1], bytes, done < requests);
    }

    private static async Task<(bool Ok, long Bytes)> Once(HttpClient http, Uri url)
    {
        try
        {
            using var r = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            await using var s = await r.Content.ReadAsStreamAsync();
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
            long n = 0;
            int read;
            while ((read = await s.ReadAsync(buffer)) > 0) n += read;
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            return (r.StatusCode == HttpStatusCode.OK, n);
        }
        catch (HttpRequestException)
        {
            return (false, 0);
        }
        catch (TaskCanceledException)
        {
            return (false, 0);
        }
    }
}
