using System.Net;

namespace Pacta.Web;

/// <summary>How <c>pacta serve</c> listens and what it allows. Defaults keep the server on loopback.</summary>
public sealed record ServeOptions
{
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0 lets the system pick a free port (tests); the chosen address is in <see cref="PactaServer.Urls"/>.</summary>
    public int Port { get; init; } = 5317;

    /// <summary>Folder of the SQLite database of saved scenarios and drafted agreements.</summary>
    public string DataDir { get; init; } = Storage.DataFolder.Default();

    /// <summary>Bearer token for write endpoints. Required on them whenever set; generated when bound beyond loopback.</summary>
    public string? Token { get; init; }

    /// <summary>
    /// Extra names (host or host:port) the server answers to besides the ones it was started for: loopback names when
    /// bound to loopback, the <see cref="Host"/> address otherwise (with this machine's names and addresses for a
    /// wildcard address). Any other Host header is refused (DNS rebinding); an Origin must name one of them too.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    public long MaxBodyBytes { get; init; } = 256 * 1024;

    /// <summary>Deepest nesting a JSON request body (and a saved scenario's state) may have.</summary>
    public int MaxJsonDepth { get; init; } = 32;

    /// <summary>Largest saved scenario state, as compact JSON.</summary>
    public int MaxStateBytes { get; init; } = 64 * 1024;

    /// <summary>Bytes the what-if answer cache may hold (its compressed bodies); least recently used go first.</summary>
    public long OutcomeCacheBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Cascade runs (Monte Carlo or not) computed at once; beyond, 503 with Retry-After. 0: the processor count.</summary>
    public int MaxConcurrentRuns { get; init; }

    /// <summary>Prepared cascade graphs (the fixed cost of a run) kept for reuse, least recently used go first.</summary>
    public int GraphCacheEntries { get; init; } = 8;
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public int MaxTrials { get; init; } = 100_000;

    /// <summary>Folder of the built UI (wwwroot); null: the one beside the binary.</summary>
    public string? WebRoot { get; init; }

    /// <summary>Quiet request logging (tests and load runs).</summary>
    public bool Quiet { get; init; }

    public int ConcurrentRuns => MaxConcurrentRuns > 0 ? MaxConcurrentRuns : Environment.ProcessorCount;

    public bool IsLoopback => Host is "localhost" || (IPAddress.TryParse(Host, out var ip) && IPAddress.IsLoopback(ip));
}
