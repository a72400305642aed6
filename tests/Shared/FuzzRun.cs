using System.Globalization;
using Xunit.Abstractions;

namespace Pacta.TestSupport;

/// <summary>
/// One fuzz run's seed and time budget: <c>PACTA_FUZZ_SECONDS</c> (else the suite's default) and <c>PACTA_FUZZ_SEED</c>
/// (else a new seed). <see cref="Start"/> prints both to the test output and appends them to one log
/// (<c>PACTA_FUZZ_LOG</c>, default <c>artifacts/fuzz-runs.log</c> at the repository root), passing or not, because a
/// passing test's output is not shown: scripts/test.sh prints the log, so every CI run keeps the seeds it used.
/// Shared by the three test projects as linked source.
/// </summary>
public sealed record FuzzRun(string Suite, int Seed, TimeSpan Budget)
{
    private static readonly Lock Gate = new();

    public static FuzzRun Start(string suite, double defaultSeconds, ITestOutputHelper output)
    {
        var seconds = double.TryParse(Environment.GetEnvironmentVariable("PACTA_FUZZ_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0
            ? s : defaultSeconds;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PACTA_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var given)
            ? given : Random.Shared.Next();
        var run = new FuzzRun(suite, seed, TimeSpan.FromSeconds(seconds));
        var line = string.Create(CultureInfo.InvariantCulture, $"{suite}: seed {seed} (PACTA_FUZZ_SEED={seed} replays it), {seconds:0.#} s");
        output.WriteLine(line);
        var path = Environment.GetEnvironmentVariable("PACTA_FUZZ_LOG") is { Length: > 0 } p ? p : Path.Combine(RepoRoot(), "artifacts", "fuzz-runs.log");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        lock (Gate) File.AppendAllText(path, string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} {line}{Environment.NewLine}"));
        return run;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pacta.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
