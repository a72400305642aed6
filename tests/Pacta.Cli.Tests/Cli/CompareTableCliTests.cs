using Pacta.Tests.Support;

namespace Pacta.Tests.Cli;

/// <summary><c>pacta compare</c> prints a table with one column per agreement and takes <c>--reference</c> (issue 16).</summary>
public sealed class CompareTableCliTests
{
    private const string Nato = "north-atlantic-treaty-1949", Kyiv = "kyiv-security-compact-2022", Budapest = "budapest-memorandum-1994";

    [Fact]
    public void Compare_prints_a_table_with_the_agreements_as_columns()
    {
        var r = PactaCli.Run("compare", Nato, Kyiv, Budapest);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stdout.Split('\n');
        var header = lines.First(l => l.StartsWith("dimension", StringComparison.Ordinal));
        Assert.True(header.IndexOf(Nato, StringComparison.Ordinal) < header.IndexOf(Kyiv, StringComparison.Ordinal)
            && header.IndexOf(Kyiv, StringComparison.Ordinal) < header.IndexOf(Budapest, StringComparison.Ordinal), header);
        var bindingness = lines.First(l => l.StartsWith("bindingness", StringComparison.Ordinal));
        Assert.Matches(@"^bindingness\s+legal\s+none \(a proposal\) — weaker\s+political — weaker$", bindingness);
        Assert.Contains("24 h to meet, 72 h to decide", r.Stdout);
    }

    [Fact]
    public void Reference_option_moves_the_reference_first()
    {
        var r = PactaCli.Run("compare", Nato, Kyiv, Budapest, "--reference", Budapest, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(Budapest, (string?)r.Json["reference"]);
        Assert.Equal(Budapest, (string?)r.Json["agreements"]![0]!["id"]);
        Assert.Equal(Nato, (string?)r.Json["agreements"]![1]!["id"]);
    }

    [Fact]
    public void Reference_outside_the_compared_agreements_is_one_error()
    {
        var r = PactaCli.Run("compare", Nato, Kyiv, "--reference", Budapest);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.StartsWith("pacta: error: --reference: 'budapest-memorandum-1994' is not among the compared agreements", r.Stderr);
        Assert.Single(r.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Chart_output_prints_only_the_file_name()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pacta-compare-{Guid.NewGuid():N}.png");
        var r = PactaCli.Run("compare", Nato, Kyiv, "--format", "png", "--out", file);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal($"wrote {file}", r.Stdout.Trim());
        File.Delete(file);
    }
}
