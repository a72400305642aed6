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

    public long MaxBodyBytes { get; init; } = 256 * 1024;
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public int MaxTrials { get; init; } = 100_000;

    /// <summary>Folder of the built UI (wwwroot); null: the one beside the binary.</summary>
    public string? WebRoot { get; init; }

    /// <summary>Quiet request logging (tests and load runs).</summary>
    public bool Quiet { get; init; }

    public bool IsLoopback => Host is "localhost" || (IPAddress.TryParse(Host, out var ip) && IPAddress.IsLoopback(ip));
}
