using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;
using Pacta.Tests.Support;

namespace Pacta.Tests.Cascade;

/// <summary>Hand-built agreements for small cascades whose outcomes can be worked out by hand.</summary>
internal static class SmallGraphs
{
    public const int Fra = 220, Deu = 255, Ita = 325, Esp = 230, Bel = 211, Nld = 210;

    private static Obligation Owes(int obligor, int line) =>
        new(Selector.ForStates(obligor), Selector.Of("target"), "help", Strength.Automatic, [], null, DeadlineFirmness.Hard, null, [], [], new Position("test", line, 1));

    /// <summary>An agreement in which each of <paramref name="obligors"/> owes <paramref name="protectedState"/> a promise of <paramref name="kind"/> if it is attacked by anyone.</summary>
    public static Agreement Pact(string id, ProvisionKind kind, int protectedState, params int[] obligors)
    {
        var parties = obligors.Append(protectedState).Select(s => new Party(s, null, PartyRole.Member, DateSpan.Always, [], null, Position.None)).ToList();
        var trigger = new Trigger([TriggerKind.ArmedAttack], Selector.ForStates(protectedState), Selector.Of("anyone"), Scope.Anywhere, null, Position.None);
        var provision = new Provision("art-1", "Art. 1", kind, Words.Of(kind), null, [], trigger,
            obligors.Select((d, i) => Owes(d, i + 1)).ToList(), [], [], [], Position.None);
        return new Agreement(id, id, AgreementForm.Treaty, AgreementStatus.InForce, Bindingness.Legal, null,
            new AgreementDates(new DateOnly(2000, 1, 1), new DateOnly(2000, 1, 1), null, null, null, null, null),
            parties, [], [provision], [], [], AgreementOrigin.Pacta, Position.None);
    }

    /// <summary>France attacks Germany on 2020-01-01 under <paramref name="agreements"/>; the graph is closed.</summary>
    public static (CascadeGraph Graph, CascadeStart Start) FranceAttacksGermany(CascadeOptions options, params Agreement[] agreements)
    {
        var states = TestCorpus.States;
        var corpus = new Corpus(agreements, [], [], states, TestCorpus.Locations);
        var graph = new CascadeGraph(new CascadeSource(corpus, new DateOnly(2020, 1, 1), Assumptions.None), options);
        var start = new CascadeStart([states.ByCow(Fra)!], [states.ByCow(Deu)!], TriggerKind.ArmedAttack, null);
        graph.Close(start);
        return (graph, start);
    }

    /// <summary>
    /// Every effect, both sides and the peace rules in six states. France attacks Germany. Italy promises Germany
    /// defence three times over (d1–d3) and France too (a1, with Belgium); Spain promises France defence (b1) but
    /// Germany neutrality (n1); the Netherlands owe Germany consultation (c1), Italy defence (d5) and Belgium a standing
    /// non-aggression promise (p1). Italy's entry for Germany brings Belgium and Spain in against it, Belgium's
    /// counter-attack on Italy calls the Netherlands to fight Belgium.
    /// </summary>
    public static (CascadeGraph Graph, CascadeStart Start) Tangle(CascadeOptions options) => FranceAttacksGermany(options,
        Pact("d1", ProvisionKind.Defense, Deu, Ita), Pact("d2", ProvisionKind.Defense, Deu, Ita), Pact("d3", ProvisionKind.Defense, Deu, Ita),
        Pact("a1", ProvisionKind.Defense, Fra, Bel, Ita), Pact("b1", ProvisionKind.Defense, Fra, Esp),
        Pact("n1", ProvisionKind.Neutrality, Deu, Esp), Pact("c1", ProvisionKind.Consultation, Deu, Nld),
        Pact("d5", ProvisionKind.Defense, Ita, Nld), Pact("p1", ProvisionKind.NonAggression, Bel, Nld));
}
