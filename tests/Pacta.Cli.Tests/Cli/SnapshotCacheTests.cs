using System.Diagnostics;
using System.Text;
using Pacta.Tests.Support;
using Xunit;

namespace Pacta.Tests.Cli;

/// <summary>
/// The start-up cache through the real executable: a damaged, foreign or special file in the cache is a miss,
/// the answer is the one the sources give, and the file is replaced by a good snapshot; the key follows the
/// contents of the inputs, not their sizes and modification times.
/// </summary>
public sealed class SnapshotCacheTests : IDisposable
{
    private static readonly string[] WhatIf = ["what-if", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--location", "EE", "--json"];

    private readonly string _data = Path.Combine(Path.GetTempPath(), $"pacta-cache-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, true);
    }

    private RunResult Run(params string[] args) => PactaCli.RunWithEnvironment(new Dictionary<string, string> { ["PACTA_DATA_DIR"] = _data }, args);

    private string Snapshot => Assert.Single(Directory.GetFiles(Path.Combine(_data, "cache"), "workspace-*.bin"));

    /// <summary>A first run writes the snapshot; returns the answer and the good snapshot's bytes.</summary>
    private (string Answer, string Path, byte[] Good) Warm()
    {
        var first = Run(WhatIf);
        Assert.True(first.ExitCode == 0, first.Stderr);
        var path = Snapshot;
        return (first.Stdout, path, File.ReadAllBytes(path));
    }

    /// <summary>The next run answers like the sources and leaves a good, regular snapshot in place of the damaged one.</summary>
    private void AssertMissAndReplaced(string answer, string path, byte[] good)
    {
        var again = Run(WhatIf);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.DoesNotContain("internal error", again.Stderr);
        Assert.Equal(answer, again.Stdout);
        Assert.Equal(path, Snapshot);
        Assert.Null(new FileInfo(path).LinkTarget);
        Assert.Equal(good, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_corrupt_string_count_is_a_miss_and_the_file_is_rewritten()
    {
        var (answer, path, good) = Warm();
        var bad = (byte[])good.Clone();
        // Header: magic (length byte + 14), version, key length, key, then the number of strings in the table.
        var keyLength = BitConverter.ToInt32(bad, 1 + 14 + 4);
        BitConverter.GetBytes(int.MaxValue).CopyTo(bad, 1 + 14 + 4 + 4 + keyLength);
        File.WriteAllBytes(path, bad);
        AssertMissAndReplaced(answer, path, good);
    }

    [Fact]
    public void A_same_length_edit_of_a_cached_text_is_caught_by_the_checksum()
    {
        var (answer, path, good) = Warm();
        Assert.Contains("including the use of armed force", answer);
        // Art. 5 of the North Atlantic Treaty, made to say the opposite wherever the snapshot holds it.
        var text = Encoding.UTF8.GetBytes("including the use of armed force");
        var bad = (byte[])good.Clone();
        var edits = 0;
        for (var at = bad.AsSpan().IndexOf(text); at >= 0; at = bad.AsSpan().IndexOf(text), edits++)
            Encoding.UTF8.GetBytes("ex").CopyTo(bad, at);
        Assert.True(edits > 0);
        File.WriteAllBytes(path, bad);
        AssertMissAndReplaced(answer, path, good);
    }

    [Fact]
    public void A_fifo_in_place_of_the_snapshot_neither_hangs_nor_stays()
    {
        var (answer, path, good) = Warm();
        File.Delete(path);
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        AssertMissAndReplaced(answer, path, good);
    }

    [Fact]
    public void A_link_to_dev_zero_in_place_of_the_snapshot_is_not_read()
    {
        var (answer, path, good) = Warm();
        File.Delete(path);
        File.CreateSymbolicLink(path, "/dev/zero");
        AssertMissAndReplaced(answer, path, good);
    }

    [Fact]
    public void A_same_size_corpus_edit_with_the_modification_time_restored_is_seen()
    {
        var corpus = Path.Combine(_data, "corpus");
        CopyDirectory(Repo.Path("corpus"), corpus);
        string[] args = [.. WhatIf, "--corpus", corpus];
        var first = Run(args);
        Assert.True(first.ExitCode == 0, first.Stderr);

        // Estonia joins the EU in 2026 instead of 2004: same size, and the time put back as cp -p or rsync -a do.
        var eu = Path.Combine(corpus, "organizations", "eu.yaml");
        var text = File.ReadAllText(eu);
        const string member = "  - state: EST\n    from: 2004-05-01";
        Assert.Contains(member, text);
        var time = File.GetLastWriteTimeUtc(eu);
        var length = new FileInfo(eu).Length;
        File.WriteAllText(eu, text.Replace(member, "  - state: EST\n    from: 2026-05-01", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(eu, time);
        Assert.Equal(length, new FileInfo(eu).Length);

        var edited = Run(args);
        Assert.True(edited.ExitCode == 0, edited.Stderr);
        Assert.NotEqual(first.Stdout, edited.Stdout);
        var uncached = PactaCli.RunWithEnvironment(new Dictionary<string, string> { ["PACTA_DATA_DIR"] = _data, ["PACTA_SNAPSHOT"] = "0" }, args);
        Assert.Equal(uncached.Stdout, edited.Stdout);
    }

    [Fact]
    public void Cli_answers_the_same_from_the_snapshot_and_sees_corpus_edits()
    {
        var data = Path.Combine(Path.GetTempPath(), $"pacta-snap-{Guid.NewGuid():N}");
        var corpus = Path.Combine(data, "corpus");
        try
        {
            CopyDirectory(Repo.Path("corpus"), corpus);
            var env = new Dictionary<string, string> { ["PACTA_DATA_DIR"] = data };
            string[] args = ["what-if", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--location", "EE", "--corpus", corpus, "--json"];
            var first = PactaCli.RunWithEnvironment(env, args);
            Assert.Equal(0, first.ExitCode);
            Assert.Single(Directory.GetFiles(Path.Combine(data, "cache"), "workspace-*.bin"));
            var second = PactaCli.RunWithEnvironment(env, args);
            Assert.Equal(first.Stdout, second.Stdout);
            var uncached = PactaCli.RunWithEnvironment(new Dictionary<string, string>(env) { ["PACTA_SNAPSHOT"] = "0" }, args);
            Assert.Equal(uncached.Stdout, second.Stdout);

            // Estonia leaves the EU in an edited copy: the next run must see it, not the cached corpus.
            var eu = Path.Combine(corpus, "organizations", "eu.yaml");
            var text = File.ReadAllText(eu);
            const string member = "  - state: EST\n    from: 2004-05-01\n    to: open";
            Assert.Contains(member, text);
            File.WriteAllText(eu, text.Replace(member, "  - state: EST\n    from: 2004-05-01\n    to: 2020-01-01", StringComparison.Ordinal));
            var edited = PactaCli.RunWithEnvironment(env, args);
            Assert.Equal(0, edited.ExitCode);
            Assert.NotEqual(first.Stdout, edited.Stdout);
            Assert.Contains("target not a member on that date: Estonia", edited.Stdout);
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, true);
        }
    }

    internal static void CopyDirectory(string from, string to)
    {
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
    }
}
