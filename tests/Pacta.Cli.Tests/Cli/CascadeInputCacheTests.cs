using Pacta.Tests.Support;

namespace Pacta.Tests.Cli;

/// <summary>
/// <c>pacta cascade</c> keeps its invocation rules beside the start-up snapshot (CascadeInputCache): a run that reads
/// them from the cache prints the same bytes, as text and as JSON, as one that parses every source; a damaged or
/// truncated cache file is a miss (the same output, the file written afresh), never an error.
/// </summary>
public sealed class CascadeInputCacheTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pacta-cascade-cache-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Run(Dictionary<string, string> env, params string[] extra)
    {
        // A Monte Carlo as well, so that the trials run on the rules the cache gave.
        var r = PactaCli.RunWithEnvironment(env, ["cascade", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--trials", "2000", .. extra]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        return r.Stdout;
    }

    private string CacheFile() => Assert.Single(Directory.GetFiles(Path.Combine(_dir, "data", "cache"), "invocation-*.bin"));

    [Fact]
    public void A_cache_hit_prints_the_same_cascade_as_the_sources_and_a_damaged_file_is_a_miss()
    {
        var env = new Dictionary<string, string> { ["PACTA_DATA_DIR"] = Path.Combine(_dir, "data") };
        var cold = new Dictionary<string, string>(env) { ["PACTA_SNAPSHOT"] = "0" };
        var coldText = Run(cold);
        var coldJson = Run(cold, "--json");
        // The cascade draws Poland in through NATO's Art. 5 and reports conditional joiners: the overlays are in force.
        Assert.Contains("north-atlantic-treaty-1949 Art. 5", coldText);
        Assert.Contains("Conditional joiners", coldText);

        Assert.Equal(coldText, Run(env)); // a miss: written
        var file = CacheFile();
        var written = File.GetLastWriteTimeUtc(file);
        var bytes = File.ReadAllBytes(file);
        Assert.Equal(coldText, Run(env)); // a hit: read, not rewritten
        Assert.Equal(coldJson, Run(env, "--json"));
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
        Assert.Equal(bytes, File.ReadAllBytes(file));

        // Truncated in the middle of its body, then garbage of the right length: each a miss, rewritten whole.
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
        Assert.Equal(coldText, Run(env));
        Assert.Equal(bytes, File.ReadAllBytes(CacheFile()));
        var garbage = (byte[])bytes.Clone();
        for (var i = 64; i < garbage.Length; i += 7) garbage[i] ^= 0x5A;
        File.WriteAllBytes(file, garbage);
        Assert.Equal(coldJson, Run(env, "--json"));
        Assert.Equal(bytes, File.ReadAllBytes(CacheFile()));
    }
}
