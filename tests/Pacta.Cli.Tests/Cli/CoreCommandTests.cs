using Pacta.Tests.Support;

namespace Pacta.Tests.Cli;

/// <summary>check, list, show, states and cite through the real executable.</summary>
public sealed class CoreCommandTests
{
    [Fact]
    public void Check_BundledCorpus_PassesWithSummary()
    {
        var r = PactaCli.Run("check");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Matches(@"^checked \d+ file\(s\): \d+ agreement\(s\), 4 organization\(s\), 1 conflict\(s\), \d+ provision\(s\); 0 error\(s\)", r.Stdout);
    }

    [Fact]
    public void Check_RepositoryCorpusFolder_PassesAndCountsEveryAgreement()
    {
        var r = PactaCli.RunIn(Repo.Root, "check", "corpus/", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var agreements = Directory.EnumerateFiles(Repo.Path("corpus", "agreements"), "*.yaml").Count();
        Assert.Equal(agreements, (int)r.Json["agreements"]!);
        Assert.Empty(r.Json["errors"]!.AsArray());
    }

    [Fact]
    public void Check_BrokenFixture_PrintsLocatedErrorAndExits1()
    {
        var r = PactaCli.RunIn(Repo.Root, "check", "tests/fixtures/broken/pacta030-unknown-state.yaml");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("tests/fixtures/broken/pacta030-unknown-state.yaml:", r.Stderr);
        Assert.Contains(": error PACTA030: unknown state 'Atlantis'", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void List_SwedenOn20240101_DoesNotListNato()
    {
        var r = PactaCli.Run("list", "--in-force-on", "2024-01-01", "--party", "SWE", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var ids = r.Json.AsArray().Select(a => (string)a!["id"]!).ToList();
        Assert.DoesNotContain("north-atlantic-treaty-1949", ids);
        Assert.Contains("teu-2009-art-42-7", ids);
    }

    [Fact]
    public void List_SwedenOn20240601_ListsNato()
    {
        var r = PactaCli.Run("list", "--in-force-on", "2024-06-01", "--party", "SWE", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var ids = r.Json.AsArray().Select(a => (string)a!["id"]!).ToList();
        Assert.Contains("north-atlantic-treaty-1949", ids);
        Assert.Contains("swe-ukr-2024", ids);
    }

    [Fact]
    public void List_PlainTextWhenPiped_HasHeaderAndCount()
    {
        var r = PactaCli.Run("list", "--party", "UKR");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("id ", r.Stdout);
        Assert.Contains("gbr-ukr-2024", r.Stdout);
        Assert.DoesNotContain("\u001b[", r.Stdout);
    }

    [Theory]
    [InlineData("kyiv-security-compact-2022", "24")]
    [InlineData("north-atlantic-treaty-1949", "Art. 5")]
    [InlineData("gbr-ukr-2024", "GBR")]
    public void Show_ReadableRendering_HasProvisionsSourcesAndDates(string id, string expected)
    {
        var r = PactaCli.Run("show", id);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains($"({id})", r.Stdout);
        Assert.Contains("Provisions", r.Stdout);
        Assert.Contains("Sources", r.Stdout);
        Assert.Contains("Signed:", r.Stdout);
        Assert.Contains(expected, r.Stdout);
        Assert.Contains("https://", r.Stdout);
    }

    [Fact]
    public void Show_Nato_ListsFinlandAndSwedenWithAccessionDates()
    {
        var r = PactaCli.Run("show", "north-atlantic-treaty-1949");
        Assert.Matches(@"Finland \(FIN\)\s+2023-04-04", r.Stdout);
        Assert.Matches(@"Sweden \(SWE\)\s+2024-03-07", r.Stdout);
    }

    [Fact]
    public void Show_UnknownId_SuggestsNearest()
    {
        var r = PactaCli.Run("show", "north-atlantic-treaty-1948");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("did you mean 'north-atlantic-treaty-1949'", r.Stderr);
    }

    [Fact]
    public void Show_Json_HasProvisionLinesAndSources()
    {
        var r = PactaCli.Run("show", "budapest-memorandum-1994", "--json");
        Assert.Equal(0, r.ExitCode);
        var provisions = r.Json["provisions"]!.AsArray();
        Assert.True(provisions.Count >= 6);
        Assert.All(provisions, p => Assert.True((int)p!["line"]! > 0));
        Assert.NotEmpty(r.Json["sources"]!.AsArray());
    }

    [Theory]
    [InlineData("365", 365)]
    [InlineData("RUS", 365)]
    [InlineData("RU", 365)]
    [InlineData("Russia", 365)]
    [InlineData("UKR", 369)]
    [InlineData("GFR", 260)]
    public void States_ResolvesAnyCode(string query, int cow)
    {
        var r = PactaCli.Run("states", query, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(cow, (int)r.Json[0]!["cow"]!);
    }

    [Fact]
    public void States_AmbiguousName_ListsCandidates()
    {
        var r = PactaCli.Run("states", "Korea");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("ambiguous", r.Stderr);
        Assert.Contains("731", r.Stderr);
        Assert.Contains("732", r.Stderr);
    }

    [Fact]
    public void Cite_ListsAtopAndCow()
    {
        var r = PactaCli.Run("cite");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Leeds", r.Stdout);
        Assert.Contains("Correlates of War", r.Stdout);
    }

    [Fact]
    public void UnknownCommand_UsageErrorExit2()
    {
        var r = PactaCli.Run("frobnicate");
        Assert.Equal(2, r.ExitCode);
    }
}
