using Pacta.Tests.Support;

namespace Pacta.Tests.Cli;

/// <summary>Issue 16, CLI habits: "did you mean", aliases from data, quiet charts, list defaults, state codes.</summary>
public sealed class CliHabitsTests
{
    private static string[] Errors(RunResult r) => r.Stderr.Split('\n').Where(l => l.StartsWith("pacta: error:", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void A_mistyped_option_is_one_error_with_a_suggestion()
    {
        var r = PactaCli.Run("what-if", "--atacker", "RUS", "--target", "EST", "--date", "2025-06-01");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(["pacta: error: unknown option '--atacker' for 'pacta what-if'; did you mean '--attacker'?"], Errors(r));
        Assert.Contains("Run 'pacta what-if --help' for usage.", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void A_mistyped_command_suggests_the_nearest()
    {
        var r = PactaCli.Run("whatif", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(["pacta: error: unknown command 'whatif'; did you mean 'what-if'?"], Errors(r));
    }

    [Theory]
    [InlineData("NATO")]
    [InlineData("nato")]
    [InlineData("north-atlantic")]
    [InlineData("north-atlantic-treaty-organization")]
    public void Show_finds_an_agreement_by_organization_alias_or_the_start_of_its_id(string query)
    {
        var r = PactaCli.Run("show", query);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.StartsWith("The North Atlantic Treaty (Washington Treaty)  (north-atlantic-treaty-1949)", r.Stdout);
    }

    [Fact]
    public void An_organization_party_to_several_agreements_names_the_one_it_alone_is_party_of()
    {
        // The EU is a party of the TEU (alone) and of eu-ukr-2024 (with Ukraine): its own treaty is the TEU.
        var r = PactaCli.Run("show", "european-union");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("(teu-2009-art-42-7)", r.Stdout);
    }

    [Fact]
    public void States_XK_is_Kosovo_with_a_note_on_its_ISO_status()
    {
        var r = PactaCli.Run("states", "XK", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var s = r.Json.AsArray().Single()!;
        Assert.Equal(347, (int)s["cow"]!);
        Assert.Null(s["iso2"]);
        Assert.Contains("user-assigned", (string?)s["note"]);
        Assert.Contains("user-assigned", PactaCli.Run("states", "Kosovo").Stdout);
    }

    [Fact]
    public void Joseon_Korea_is_never_labelled_with_South_Koreas_ISO_code()
    {
        var r = PactaCli.Run("what-if", "--attacker", "JPN", "--target", "Joseon Korea", "--date", "1900-01-01", "--location", "KR");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("Joseon Korea (COW-KOR)", r.Stdout);
        Assert.DoesNotContain("Joseon Korea (KOR)", r.Stdout);
    }

    [Fact]
    public void Chart_output_leaves_standard_output_to_the_file_name()
    {
        var dir = Directory.CreateTempSubdirectory("pacta-quiet-");
        try
        {
            var timeline = Path.Combine(dir.FullName, "t.svg");
            var w = PactaCli.Run("what-if", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--format", "svg", "--out", timeline);
            Assert.True(w.ExitCode == 0, w.Stderr);
            Assert.Equal($"wrote {timeline}", w.Stdout.Trim());
            var cascade = Path.Combine(dir.FullName, "c.svg");
            var c = PactaCli.Run("cascade", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--format", "svg", "--out", cascade);
            Assert.True(c.ExitCode == 0, c.Stderr);
            Assert.Equal($"wrote {cascade}", c.Stdout.Trim());
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void List_shows_hand_encoded_agreements_unless_origin_all()
    {
        var mine = PactaCli.Run("list", "--json");
        var all = PactaCli.Run("list", "--origin", "all", "--json");
        Assert.True(mine.ExitCode == 0 && all.ExitCode == 0, mine.Stderr + all.Stderr);
        var ids = mine.Json.AsArray().Select(a => (string)a!["id"]!).ToList();
        Assert.Contains("north-atlantic-treaty-1949", ids);
        Assert.DoesNotContain(ids, id => id.StartsWith("atop-", StringComparison.Ordinal));
        var allIds = all.Json.AsArray().Select(a => (string)a!["id"]!).ToList();
        Assert.Contains(allIds, id => id.StartsWith("atop-", StringComparison.Ordinal));
        Assert.True(allIds.Count > ids.Count + 700, $"{allIds.Count} vs {ids.Count}");
        Assert.Contains("more imported from ATOP with --origin atop or --origin all", PactaCli.Run("list").Stdout);
    }
}
