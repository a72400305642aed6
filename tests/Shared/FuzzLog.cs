using System.Globalization;

namespace Pacta.TestSupport;

/// <summary>
/// Records the seed of every fuzz run in one log (<c>PACTA_FUZZ_LOG</c>, default <c>artifacts/fuzz-runs.log</c> at the
/// repository root), passing or not, because test output of a passing test is not shown: scripts/test.sh prints the
/// log at the end, so a CI run keeps every seed it used. Shared by the three test projects (linked source).
/// </summary>
public static class FuzzLog
{
    private static readonly Lock Gate = new();

    public static void Record(string suite, int seed, double seconds)
    {
        var path = Environment.GetEnvironmentVariable("PACTA_FUZZ_LOG") is { Length: > 0 } p ? p : Path.Combine(RepoRoot(), "artifacts", "fuzz-runs.log");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var line = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} {suite}: seed {seed} (PACTA_FUZZ_SEED={seed} replays it), {seconds:0.#} s{Environment.NewLine}");
        lock (Gate) File.AppendAllText(path, line);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pacta.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
