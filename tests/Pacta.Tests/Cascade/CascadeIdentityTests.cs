using Pacta.Domain;
using Pacta.Evaluation.Cascade;

namespace Pacta.Tests.Cascade;

/// <summary>
/// The cascade knows an obligation by its stable id (agreement, provision, place in the provision), not by where it
/// was read: moving lines keeps every decision id, and two obligations read at one place stay two.
/// </summary>
public sealed class CascadeIdentityTests
{
    private static Obligation Owes(int obligor, string action, int line, int column) =>
        new(Selector.ForStates(obligor), Selector.Of("target"), action, Strength.Automatic, [], null, DeadlineFirmness.Hard, null, [], [],
            new Position("test", line, column));

    /// <summary>Italy and Spain each owe Germany defence, Italy twice (help, then consult), at the given lines.</summary>
    private static Agreement Pact(params (int Line, int Column)[] at)
    {
        var parties = new[] { SmallGraphs.Ita, SmallGraphs.Esp, SmallGraphs.Deu }
            .Select(s => new Party(s, null, PartyRole.Member, DateSpan.Always, [], null, Position.None)).ToList();
        var trigger = new Trigger([TriggerKind.ArmedAttack], Selector.ForStates(SmallGraphs.Deu), Selector.Of("anyone"), Scope.Anywhere, null, Position.None);
        var provision = new Provision("art-1", "Art. 1", ProvisionKind.Defense, "defence", null, [], trigger,
            [Owes(SmallGraphs.Ita, "help", at[0].Line, at[0].Column), Owes(SmallGraphs.Ita, "consult", at[1].Line, at[1].Column),
             Owes(SmallGraphs.Esp, "help", at[2].Line, at[2].Column)], [], [], [], Position.None);
        return new Agreement("pact", "pact", AgreementForm.Treaty, AgreementStatus.InForce, Bindingness.Legal, null,
            new AgreementDates(new DateOnly(2000, 1, 1), new DateOnly(2000, 1, 1), null, null, null, null, null),
            parties, [], [provision], [], [], AgreementOrigin.Pacta, Position.None);
    }

    /// <summary>Decision id → the obligation's stable id, obligor and action, for France attacking Germany.</summary>
    private static string[] Decisions(Agreement pact)
    {
        var (graph, _) = SmallGraphs.FranceAttacksGermany(CascadeOptions.Default, pact);
        var units = PerObligation.Instance.Assign(graph, HonourModel.Of(HonourPresets.Bf2018));
        return [.. Enumerable.Range(0, graph.ObligationCount).Select(c =>
        {
            var k = graph.Obligation(c);
            return $"{units.Of(c, CascadeSide.Defender)}: {StableIds.Obligation(k.Agreement, k.Provision, k.Triggered!.Obligation)} {k.Obligor.Cow} {k.Triggered!.Obligation.Action}";
        })];
    }

    [Fact]
    public void MovingLines_KeepsEveryDecisionId()
    {
        var before = Decisions(Pact((10, 7), (12, 7), (14, 7)));
        var after = Decisions(Pact((31, 9), (40, 9), (52, 9)));

        Assert.Equal(["0: pact/art-1/1 325 help", "1: pact/art-1/2 325 consult", "2: pact/art-1/3 230 help"], before);
        Assert.Equal(before, after);
    }

    [Fact]
    public void TwoObligationsReadAtOnePlace_StayTwoDecisions()
    {
        // Obligations built from one node (an alias, a generated row) share their file position; by position the
        // cascade merged Italy's "consult" into its "help" and lost it.
        var decisions = Decisions(Pact((10, 7), (10, 7), (14, 7)));

        Assert.Equal(["0: pact/art-1/1 325 help", "1: pact/art-1/2 325 consult", "2: pact/art-1/3 230 help"], decisions);
    }
}
