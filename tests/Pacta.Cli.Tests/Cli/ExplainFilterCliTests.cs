using System.Text.RegularExpressions;
using Pacta.Tests.Support;

namespace Pacta.Tests.Cli;

/// <summary><c>what-if --explain</c>: one tree per distinct reason, narrowed by <c>--agreement</c> and <c>--state</c> (issue 16).</summary>
public sealed class ExplainFilterCliTests
{
    private static readonly string[] Estonia = ["what-if", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--explain"];

    private static int Roots(string stdout, string root) => Regex.Matches(stdout, "^    " + Regex.Escape(root), RegexOptions.Multiline).Count;

    [Fact]
    public void Art5_for_31_allies_is_one_tree()
    {
        var r = PactaCli.Run([.. Estonia, "--agreement", "north-atlantic-treaty-1949"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(1, Roots(r.Stdout, "[met] Art. 5 of north-atlantic-treaty-1949:"));
        Assert.Contains("north-atlantic-treaty-1949 Art. 5 — defense, discretionary: obligors (31):", r.Stdout);
        Assert.Contains("the same checks for each; shown for Belgium", r.Stdout);
        // Only NATO's items.
        Assert.DoesNotContain("atop-", r.Stdout);
    }

    [Fact]
    public void State_filter_keeps_the_items_that_concern_the_state()
    {
        var r = PactaCli.Run([.. Estonia, "--state", "USA", "--agreement", "nato"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("north-atlantic-treaty-1949 Art. 5 — defense, discretionary: obligors (1): USA → EST", r.Stdout);
        Assert.Contains("[met] Art. 5 of north-atlantic-treaty-1949: United States owes Estonia", r.Stdout);
        Assert.DoesNotContain("Belgium owes", r.Stdout);
    }

    [Fact]
    public void Unfiltered_explain_prints_far_fewer_trees_than_items()
    {
        var r = PactaCli.Run(Estonia);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(1, Roots(r.Stdout, "[met] Art. 5 of north-atlantic-treaty-1949:"));
        Assert.True(r.Stdout.Split('\n').Length < 1500, $"{r.Stdout.Split('\n').Length} lines");
    }

    [Fact]
    public void Filters_without_explain_are_a_usage_error()
    {
        var r = PactaCli.Run("what-if", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--agreement", "nato");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--agreement and --state narrow the explanations: add --explain", r.Stderr);
    }

    [Fact]
    public void Unknown_agreement_filter_names_the_option()
    {
        var r = PactaCli.Run([.. Estonia, "--agreement", "north-atlantic-treaty-1948"]);
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("pacta: error: --agreement: unknown agreement 'north-atlantic-treaty-1948'; did you mean 'north-atlantic-treaty-1949'?", r.Stderr);
    }
}
