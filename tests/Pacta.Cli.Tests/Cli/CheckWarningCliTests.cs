using Pacta.Tests.Support;

namespace Pacta.Tests.Cli;

/// <summary><c>pacta check</c> prints source-hygiene warnings without failing, unless <c>--strict</c>.</summary>
public sealed class CheckWarningCliTests
{
    private static readonly string SiteRoot = Repo.Path("tests", "fixtures", "warnings", "pacta101-site-root-url.yaml");

    [Fact]
    public void Check_SiteRootUrl_WarnsAndExitsZero()
    {
        var r = PactaCli.Run("check", SiteRoot);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("pacta101-site-root-url.yaml:22:5: warning PACTA101: source 's1' cites the site root 'https://example.org/'", r.Stderr);
        Assert.EndsWith("; 0 error(s), 1 warning(s)", r.Stdout.Trim());
    }

    [Fact]
    public void Check_Strict_FailsOnAWarning()
    {
        var r = PactaCli.Run("check", "--strict", SiteRoot);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("warning PACTA101", r.Stderr);
    }

    [Fact]
    public void Check_Json_CountsAndListsWarnings()
    {
        var r = PactaCli.Run("check", SiteRoot, "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(0, (int)r.Json["error_count"]!);
        Assert.Equal(1, (int)r.Json["warning_count"]!);
        var w = Assert.Single(r.Json["warnings"]!.AsArray())!;
        Assert.Equal("PACTA101", (string?)w["code"]);
        Assert.Equal(22, (int)w["line"]!);
    }

    [Fact]
    public void Check_BundledCorpus_PassesStrictOnlyIfNoWarningsAndStillExitsZeroWithout()
    {
        var r = PactaCli.Run("check");
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("warning PACTA101", r.Stderr);
        Assert.DoesNotContain("warning PACTA105", r.Stderr);
    }
}
