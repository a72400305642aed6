using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Pacta.Web.Tests;

/// <summary>
/// An imported ATOP release served over the API (a real <c>pacta serve</c> process on its own data folder): the
/// explanation sources cite it as <c>$PACTA_DATA_DIR/atop/…</c>, never by the data folder's absolute path.
/// </summary>
public sealed class ImportedAtopPathTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"pacta-web-atop-{Guid.NewGuid():N}");
    private string Data => Path.Combine(_dir, "userdata");

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    /// <summary>
    /// The CLI as built beside its own project (this project builds it without referencing it), in the same
    /// configuration as these tests: …/tests/Pacta.Web.Tests/bin/Release/net10.0 → src/Pacta.Cli/bin/Release/net10.0.
    /// </summary>
    private static string PactaDll
    {
        get
        {
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var repo = tfm.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(repo, "src", "Pacta.Cli", "bin", tfm.Parent!.Name, tfm.Name, "pacta.dll");
        }
    }

    private ProcessStartInfo Pacta(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(PactaDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["PACTA_DATA_DIR"] = Data;
        psi.Environment["NO_COLOR"] = "1";
        return psi;
    }

    [Fact]
    public async Task Atop_sources_of_an_imported_release_carry_no_absolute_path()
    {
        var release = Path.Combine(_dir, "release");
        Directory.CreateDirectory(release);
        foreach (var f in Directory.GetFiles(Path.Combine(global::Pacta.Workspace.PactaWorkspace.DataDir, "atop")))
            File.Copy(f, Path.Combine(release, Path.GetFileName(f)));
        using (var import = Process.Start(Pacta("import", "atop", release))!)
        {
            var stderr = import.StandardError.ReadToEndAsync();
            _ = await import.StandardOutput.ReadToEndAsync();
            await import.WaitForExitAsync();
            Assert.True(import.ExitCode == 0, await stderr);
        }
        var name = File.ReadAllText(Path.Combine(Data, "atop", "current")).Trim();

        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        using var server = Process.Start(Pacta("serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
        _ = server.StandardOutput.ReadToEndAsync();
        _ = server.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
            string? body = null;
            for (var tries = 0; body is null && tries < 240 && !server.HasExited; tries++)
            {
                try
                {
                    using var r = await http.GetAsync("api/what-if?attacker=RUS&target=EST&date=2025-06-01");
                    Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}");
                    body = await r.Content.ReadAsStringAsync();
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250);
                }
            }
            Assert.NotNull(body);
            Assert.Contains($"$PACTA_DATA_DIR/atop/{name}/atop5_1m.csv", body);
            Assert.Contains($"$PACTA_DATA_DIR/atop/{name}/atop5_1a.csv", body);
            Assert.DoesNotContain(_dir, body);
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }
}
