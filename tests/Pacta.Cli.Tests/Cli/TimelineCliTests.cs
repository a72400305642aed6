using Pacta.Tests.Support;

namespace Pacta.Tests.Cli;

/// <summary>
/// <c>what-if --timeline</c>: Art. 5 of the North Atlantic Treaty binds the parties to act "forthwith", so it
/// leads as immediate rather than being lost among the obligations without a deadline, and a timeline with no
/// hour deadline still lists what was triggered.
/// </summary>
public sealed class TimelineCliTests
{
    [Fact]
    public void Forthwith_is_listed_as_immediate_and_open_ended_obligations_still_show()
    {
        var r = PactaCli.Run("what-if", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--timeline");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stdout.Split('\n').Select(l => l.TrimEnd()).ToList();
        var immediate = lines.FindIndex(l => l.StartsWith("Immediately", StringComparison.Ordinal));
        var open = lines.FindIndex(l => l.StartsWith("Without a deadline in hours", StringComparison.Ordinal));
        Assert.True(immediate >= 0 && open > immediate, r.Stdout);
        // Art. 5 (forthwith; the 31 other NATO members of 2025) sits under "Immediately", Art. 4 (consult, no time) under the open-ended.
        var art5 = lines.FindIndex(l => l.Contains("north-atlantic-treaty-1949 Art. 5: forthwith", StringComparison.Ordinal));
        var art4 = lines.FindIndex(l => l.Contains("north-atlantic-treaty-1949 Art. 4:", StringComparison.Ordinal));
        Assert.InRange(art5, immediate + 1, open - 1);
        Assert.Contains("(31 obligor(s))", lines[art5], StringComparison.Ordinal);
        Assert.True(art4 > open, r.Stdout);
        Assert.DoesNotContain("No obligation is triggered", r.Stdout, StringComparison.Ordinal);
    }
}
