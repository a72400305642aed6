using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Workspace;

namespace Pacta.Tests.Evaluation;

/// <summary>
/// The answer of a what-if (issue 16): per state its strongest obligation and per provision the states it binds, in
/// reading order — hand-encoded before ATOP data, defence before support before consultation before neutrality —
/// with "forthwith" read as immediate. Over the real corpus.
/// </summary>
public sealed class AnswerTests
{
    private static readonly Lazy<PactaSession> Session = new(() => PactaSession.Open());

    private static Outcome Evaluate(string attacker, string target, string date, string location)
    {
        var s = Session.Value;
        var parsed = s.Parse(new ScenarioInput(attacker, target, date, null, location, [], [], []),
            new ScenarioNames(f => "--" + Words.Of(f), f => "--" + Words.Of(f)));
        Assert.Empty(parsed.Errors);
        return new Evaluator(s.Corpus).Evaluate(parsed.Scenario!.Event, parsed.Scenario.Assumptions);
    }

    [Fact]
    public void Estonia_2025_nato_art5_binds_31_states_defence_first_and_atop_last()
    {
        var o = Evaluate("RUS", "EST", "2025-06-01", "EE");
        var a = Answer.Of(o);

        var art5 = a.Groups.Single(g => g.Agreement.Id == "north-atlantic-treaty-1949" && g.Provision.Citation == "Art. 5");
        Assert.Equal(31, art5.States.Count);
        Assert.Equal(HelpKind.Defence, art5.Kind);
        Assert.True(Answer.IsImmediate(art5.Lead.Obligation));

        Assert.Equal(a.Groups.Select(g => g.Historical).Order(), a.Groups.Select(g => g.Historical));
        foreach (var part in a.Groups.GroupBy(g => g.Historical))
            Assert.Equal(part.Select(g => g.Kind).Order(), part.Select(g => g.Kind));
        Assert.Equal(HelpKind.Defence, a.Groups[0].Kind);
        Assert.Contains(a.Groups, g => g.Historical);

        // Every obligor once; the US's strongest is defence under NATO, Ukraine's only ATOP data.
        Assert.Equal(o.Triggered.Select(t => t.Obligor.Cow).Distinct().Count(), a.States.Count);
        var usa = a.States.Single(s => s.Obligor.Iso3 == "USA");
        Assert.Equal(HelpKind.Defence, Answer.KindOf(usa.Strongest.Provision.Kind));
        Assert.Equal("north-atlantic-treaty-1949", usa.Strongest.Agreement.Id);
        var ukr = a.States.Single(s => s.Obligor.Iso3 == "UKR");
        Assert.True(Answer.IsHistorical(ukr.Strongest.Agreement));
        Assert.NotEqual(HelpKind.Defence, Answer.KindOf(ukr.Strongest.Provision.Kind));
        // States bound by hand-encoded agreements come before those bound only by ATOP data.
        var firstAtop = a.States.ToList().FindIndex(s => Answer.IsHistorical(s.Strongest.Agreement));
        Assert.True(firstAtop > 0);
        Assert.All(a.States.Skip(firstAtop), s => Assert.True(Answer.IsHistorical(s.Strongest.Agreement)));
    }

    [Theory]
    [InlineData(ProvisionKind.Defense, HelpKind.Defence)]
    [InlineData(ProvisionKind.Assistance, HelpKind.Support)]
    [InlineData(ProvisionKind.Consultation, HelpKind.Consultation)]
    [InlineData(ProvisionKind.SecurityCouncilReferral, HelpKind.Consultation)]
    [InlineData(ProvisionKind.Neutrality, HelpKind.Neutrality)]
    [InlineData(ProvisionKind.NonAggression, HelpKind.Neutrality)]
    public void Provision_kinds_map_to_kinds_of_help(ProvisionKind kind, HelpKind help) => Assert.Equal(help, Answer.KindOf(kind));
}
