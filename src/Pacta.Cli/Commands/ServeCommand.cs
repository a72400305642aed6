using System.CommandLine;
using Pacta.Datasets.Atop;
using Pacta.Storage;
using Pacta.Web;

namespace Pacta.Cli.Commands;

/// <summary>
/// <c>pacta serve</c>: the web app and HTTP API over the bundled corpus and ATOP, on 127.0.0.1 unless told otherwise.
/// Saved scenarios and drafted agreements go to an SQLite database in the data folder.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var port = CommonOptions.Number("--port", "TCP port (default 5317)", 5317, 0, 65535);
        var host = new Option<string>("--host") { Description = "Address to bind (default 127.0.0.1; anything beyond loopback makes writes need a token)", DefaultValueFactory = _ => "127.0.0.1" };
        var dataDir = new Option<string?>("--data-dir") { Description = $"Folder of the saved-scenario database (default ${DataFolder.EnvironmentVariable} or ~/.local/share/pacta)" };
        var token = new Option<string?>("--token") { Description = "Bearer token that write endpoints require (generated when bound beyond loopback)" };
        var allowedHost = new Option<string[]>("--allowed-host") { Description = "Another name (HOST or HOST:PORT) the server answers to, e.g. a reverse proxy's; repeatable. Requests with any other Host or Origin are refused", AllowMultipleArgumentsPerToken = false };
        var maxRuns = new Option<int>("--max-runs") { Description = "Cascade runs computed at once; beyond, 503 with Retry-After (default: the processor count)" };
        var cacheMb = new Option<int>("--cache-mb") { Description = "MiB of compressed what-if answers kept for repeated questions (default 64)", DefaultValueFactory = _ => 64 };
        var cmd = new Command("serve", "Serve the web app and the HTTP API (what-if, agreements, compare, network, datasets, saved scenarios)")
        {
            port, host, dataDir, token, allowedHost, maxRuns, cacheMb,
        };
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var p = r.GetValue(port);
            if (p is < 0 or > 65535) throw new PactaException($"--port: {p} is not a TCP port");
            if (r.GetValue(maxRuns) < 0) throw new PactaException($"--max-runs: {r.GetValue(maxRuns)} is not a number of runs");
            if (r.GetValue(cacheMb) is < 0 or > 1024 * 1024) throw new PactaException($"--cache-mb: {r.GetValue(cacheMb)} is not a size in MiB");
            var options = new ServeOptions
            {
                Host = r.GetValue(host)!,
                Port = p,
                DataDir = r.GetValue(dataDir) ?? DataFolder.Default(),
                Token = r.GetValue(token),
                AllowedHosts = r.GetValue(allowedHost) ?? [],
                MaxConcurrentRuns = r.GetValue(maxRuns),
                OutcomeCacheBytes = r.GetValue(cacheMb) * 1024L * 1024,
            };
            var data = Load(CommonOptions.Workspace(r));
            try
            {
                PactaServer.Run(options, data);
            }
            catch (ArgumentException e)
            {
                throw new PactaException(e.Message);
            }
            catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
            {
                throw new PactaException($"--port: cannot listen on {options.Host}:{options.Port}: {e.Message}");
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>The workspace session, loaded before the server starts (the corpus and the ATOP release in use).</summary>
    public static ServeData Load(PactaWorkspace ws)
    {
        var session = new PactaSession(ws);
        _ = session.Corpus;
        return new ServeData(session);
    }
}
