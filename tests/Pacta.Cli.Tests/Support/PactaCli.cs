using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Pacta.Tests.Support;

/// <summary>The result of running the real <c>pacta</c> executable.</summary>
public sealed record RunResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonNode Json => JsonNode.Parse(Stdout) ?? throw new InvalidOperationException("no JSON on stdout");
}

/// <summary>Runs the built <c>pacta</c> (pacta.dll beside the tests, with the bundled corpus and data) as a process.</summary>
public static class PactaCli
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "pacta.dll");

    /// <summary>PACTA_DATA_DIR for runs that do not set their own: one folder per test process.</summary>
    public static readonly string SessionDataDir = Path.Combine(Path.GetTempPath(), $"pacta-tests-{Environment.ProcessId}");

    public static RunResult Run(params string[] args) => RunIn(null, args);

    public static RunResult RunIn(string? workingDirectory, params string[] args) => RunWith(workingDirectory, null, args);

    /// <summary>Runs with extra environment variables (e.g. PACTA_DATA_DIR pointing at a temporary folder).</summary>
    public static RunResult RunWithEnvironment(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunWith(null, environment, args);

    private static RunResult RunWith(string? workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        // A data folder of this test run (snapshot cache, imports), not the user's own.
        psi.Environment["PACTA_DATA_DIR"] = SessionDataDir;
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException("pacta did not finish in 120 s"); }
        return new RunResult(p.ExitCode, stdout.Result, stderr.Result);
    }
}
