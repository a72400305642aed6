using Pacta.Tests.Support;

namespace Pacta.Tests.Cli;

/// <summary>
/// <c>pacta dyads</c> keeps the table it computed beside the start-up snapshot (DyadTableCache): a run that hits
/// it writes the same bytes and summary as one that parses every source, a reading or a year range of its own is
/// a separate entry, and a damaged entry is ignored and rewritten.
/// </summary>
public sealed class DyadTableCacheTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pacta-dyad-cache-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private RunResult Run(Dictionary<string, string> env, string name, params string[] extra)
    {
        var path = Path.Combine(_dir, name);
        var r = PactaCli.RunWithEnvironment(env, ["dyads", "--directed", "--all-pairs", "--from", "2016", "--to", "2025", "--out", path, .. extra]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return r;
    }

    private string Csv(string name) => File.ReadAllText(Path.Combine(_dir, name));

    [Fact]
    public void A_cached_table_gives_the_same_bytes_as_the_sources()
    {
        var env = new Dictionary<string, string> { ["PACTA_DATA_DIR"] = Path.Combine(_dir, "data") };
        var cold = Run(new Dictionary<string, string>(env) { ["PACTA_SNAPSHOT"] = "0" }, "cold.csv");
        var first = Run(env, "first.csv");
        var cache = Directory.GetFiles(Path.Combine(_dir, "data", "cache"), "dyads-*.bin");
        Assert.Single(cache);
        var second = Run(env, "second.csv");
        Assert.Equal(Csv("cold.csv"), Csv("first.csv"));
        Assert.Equal(Csv("cold.csv"), Csv("second.csv"));
        Assert.Equal(cold.Stdout.Replace("cold.csv", "x", StringComparison.Ordinal), second.Stdout.Replace("second.csv", "x", StringComparison.Ordinal));
        Assert.Contains("readings: atop-3150:venezuela-oas-exit=denunciation-effective (default)", second.Stdout);
        // Venezuela - United States 2020: no OAS defence promise under the default reading, read from the cache.
        Assert.Contains("\n101,2,2020,0,0,0,0,0,", Csv("second.csv"));

        // Another reading is another entry, with its own rows and summary.
        var other = Run(env, "other.csv", "--reading", "venezuela-oas-exit=revoked-by-assembly");
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_dir, "data", "cache"), "dyads-*.bin").Length);
        Assert.Contains("\n101,2,2020,1,0,0,1,1,atop-reviewed\n", Csv("other.csv"));
        Assert.Contains("readings: atop-3150:venezuela-oas-exit=revoked-by-assembly", other.Stdout);
        var otherAgain = Run(env, "other2.csv", "--reading", "venezuela-oas-exit=revoked-by-assembly");
        Assert.Equal(Csv("other.csv"), Csv("other2.csv"));
        Assert.Equal(other.Stdout.Replace("other.csv", "x", StringComparison.Ordinal), otherAgain.Stdout.Replace("other2.csv", "x", StringComparison.Ordinal));

        File.WriteAllBytes(cache[0], [1, 2, 3]);
        Run(env, "damaged.csv");
        Assert.Equal(Csv("cold.csv"), Csv("damaged.csv"));
        Assert.True(new FileInfo(cache[0]).Length > 3);
    }
}
