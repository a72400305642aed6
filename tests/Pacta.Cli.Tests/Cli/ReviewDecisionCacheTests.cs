using Pacta.Tests.Support;

namespace Pacta.Tests.Cli;

/// <summary>
/// The datasets read the review decisions from a cache beside the start-up snapshot: the same rows as from the YAML,
/// a damaged cache is ignored and rewritten, and an edited review is read afresh.
/// </summary>
public sealed class ReviewDecisionCacheTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pacta-review-cache-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Dyads_past_2018_equal_with_and_without_the_cache_and_follow_an_edited_review()
    {
        var env = new Dictionary<string, string> { ["PACTA_DATA_DIR"] = Path.Combine(_dir, "data") };
        string[] args = ["dyads", "--directed", "--from", "2022", "--to", "2025"];
        var noCache = PactaCli.RunWithEnvironment(new Dictionary<string, string>(env) { ["PACTA_SNAPSHOT"] = "0" }, args);
        Assert.True(noCache.ExitCode == 0, noCache.Stderr);
        var first = PactaCli.RunWithEnvironment(env, args);
        var cache = Directory.GetFiles(Path.Combine(_dir, "data", "cache"), "reviews-*.bin");
        Assert.Single(cache);
        var second = PactaCli.RunWithEnvironment(env, args);
        Assert.Equal(noCache.Stdout, first.Stdout);
        Assert.Equal(noCache.Stdout, second.Stdout);
        // Syria back in the Arab League from 2023, read from the cache as from the YAML.
        Assert.Contains("663,652,2023,1,0,0,1,1,atop-reviewed\n", second.Stdout);

        File.WriteAllBytes(cache[0], [1, 2, 3]);
        // The table cache (DyadTableCacheTests) would answer without the decisions: without it they are read again.
        foreach (var f in Directory.GetFiles(Path.Combine(_dir, "data", "cache"), "dyads-*.bin")) File.Delete(f);
        var damaged = PactaCli.RunWithEnvironment(env, args);
        Assert.True(damaged.ExitCode == 0, damaged.Stderr);
        Assert.Equal(noCache.Stdout, damaged.Stdout);
        Assert.True(new FileInfo(cache[0]).Length > 3);

        // A corpus copy whose review moves Syria's return to 2025: a new key, read afresh.
        var corpus = Path.Combine(_dir, "corpus");
        CopyDir(Repo.Path("corpus"), corpus);
        var multi = Path.Combine(corpus, "reviews", "atop-continuation-multilateral.yaml");
        File.WriteAllText(multi, File.ReadAllText(multi).Replace("until: 2023-05-06", "until: 2025-05-06", StringComparison.Ordinal));
        var edited = PactaCli.RunWithEnvironment(env, [.. args, "--corpus", corpus]);
        Assert.True(edited.ExitCode == 0, edited.Stderr);
        Assert.DoesNotContain("663,652,2023,", edited.Stdout);
        Assert.Contains("663,652,2025,1,0,0,1,1,atop-reviewed\n", edited.Stdout);
    }

    private static void CopyDir(string from, string to)
    {
        foreach (var d in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(d.Replace(from, to, StringComparison.Ordinal));
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(f, f.Replace(from, to, StringComparison.Ordinal));
    }
}
