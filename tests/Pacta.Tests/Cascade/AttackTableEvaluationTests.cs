using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;
using Pacta.Evaluation.Checks;
using Pacta.Tests.Support;

namespace Pacta.Tests.Cascade;

/// <summary>
/// The attack table's two shortcuts give what the plain evaluator gives: <see cref="Evaluator.TriggeredEach"/> lists,
/// for each event of one victim, what <see cref="Evaluator.Evaluate"/> lists as triggered; <see cref="Evaluator.NotMetFor"/>
/// rules out the attackers <see cref="Evaluator.Decide"/> finds not met, one by one.
/// </summary>
public sealed class AttackTableEvaluationTests
{
    private const int Usa = 2, Gbr = 200, Rus = 365, Est = 366, Ukr = 369, Chn = 710;
    private static readonly Position Here = new("pact.yaml", 1, 1);

    public static TheoryData<string, int, string> Victims => new()
    {
        { "2025-06-01", Est, "none" },
        { "2025-06-01", Usa, "none" },
        { "2025-06-01", Ukr, "ukraine" },
        { "2025-06-01", 70, "none" },   // Mexico: the OAS Charter and the Rio Treaty
        { "1914-07-28", 345, "none" },  // Serbia
        { "1914-07-28", 220, "none" },  // France
        { "1914-07-28", 365, "none" },  // Russia
    };

    private static Assumptions AssumptionsFor(string name) => name == "ukraine"
        ? new Assumptions([], [new AssumedAdoption("kyiv-security-compact-2022", null)], [new AssumedMembership(Ukr, "nato", null)])
        : Assumptions.None;

    private static string Words(Explanation e) =>
        $"{e.Check}|{e.Result}|{e.Source}[{string.Join(";", e.Children.Select(Words))}]";

    /// <summary>Everything a cascade or its explanations read of a triggered obligation.</summary>
    private static string Describe(TriggeredObligation t) => string.Join(" / ",
        t.Agreement.Id, t.Provision.Id, t.Obligation.Position, t.Obligor.Cow, t.Obligor.Name, t.Beneficiary.Cow, t.Deadline, t.Hypothetical,
        string.Join(",", t.Conditions.Select(c => $"{c.Kind}:{c.Text}:{string.Join("+", c.States)}")), t.ObligorOrganization?.Id,
        t.Undecided, string.Join(",", t.UndecidedBy), Words(t.Explanation));

    [Theory]
    [MemberData(nameof(Victims))]
    public void TriggeredEach_ListsWhatEvaluateTriggers_ForEveryKindAndAttacker(string date, int victimCow, string assumed)
    {
        var corpus = CascadeCorpus.Corpus;
        var day = DateOnly.Parse(date);
        var assumptions = AssumptionsFor(assumed);
        var source = new CascadeSource(corpus, day, assumptions);
        var victim = corpus.States.ByCow(victimCow)!;
        var ev = source.EvaluatorFor(victimCow)!;
        var home = source.Home(victim);
        // Someone party to nothing the victim is party to, the victim's partners, and attackers triggers name.
        var partners = source.AgreementsOf(victimCow).SelectMany(a => corpus.Bound.EverParties(a)).Where(x => x != victimCow).Distinct().OrderBy(x => x).ToList();
        var attackers = new[] { Rus, Usa, Chn, Gbr, 255, 300 }.Concat(partners.Take(6))
            .Where(x => x != victimCow && corpus.States.ByCow(x) is not null).Distinct().Select(x => corpus.States.ByCow(x)!).ToList();
        var events = AttackTable.Kinds.SelectMany(k => attackers.Select(a => new Event(k, a, victim, day, null, home))).ToList();

        var each = ev.TriggeredEach(events, assumptions);

        Assert.Equal(events.Count, each.Length);
        var nonEmpty = 0;
        for (var j = 0; j < events.Count; j++)
        {
            var plain = ev.Evaluate(events[j], assumptions).Triggered;
            Assert.Equal(plain.Select(Describe), each[j].Select(Describe));
            if (plain.Count > 0) nonEmpty++;
        }
        // The comparison means something: most of these victims are owed help by someone.
        Assert.True(nonEmpty > 0, $"no event triggered anything for COW {victimCow} on {date}");
    }

    [Fact]
    public void TriggeredEach_RefusesEventsOfAnotherTarget()
    {
        var corpus = CascadeCorpus.Corpus;
        var day = new DateOnly(2025, 6, 1);
        var source = new CascadeSource(corpus, day, Assumptions.None);
        var est = corpus.States.ByCow(Est)!;
        var usa = corpus.States.ByCow(Usa)!;
        var rus = corpus.States.ByCow(Rus)!;
        var ev = source.EvaluatorFor(Est)!;
        Assert.Throws<ArgumentException>(() => ev.TriggeredEach(
            [new Event(TriggerKind.ArmedAttack, rus, est, day, null, source.Home(est)), new Event(TriggerKind.ArmedAttack, rus, usa, day, null, source.Home(usa))],
            Assumptions.None));
    }

    [Theory]
    [InlineData("2025-06-01")]
    [InlineData("1914-07-28")]
    public void NotMetFor_RulesOutTheAttackersDecideFindsNotMet(string date)
    {
        var corpus = CascadeCorpus.Corpus;
        var day = DateOnly.Parse(date);
        var source = new CascadeSource(corpus, day, Assumptions.None);
        var attackerChecks = source.Checks.Trigger.Where(c => (c.DependsOn & CheckDependency.Attacker) != 0).ToList();
        Assert.NotEmpty(attackerChecks);
        var states = corpus.States.All;
        int provisions = 0, ruledOut = 0;
        foreach (var victim in new[] { Est, Usa, 70, 345, 220, 651 }.Select(c => corpus.States.ByCow(c)!))
        {
            if (source.EvaluatorFor(victim.Cow) is not { } ev) continue;
            var template = new Event(TriggerKind.ArmedAttack, states[0], victim, day, null, source.Home(victim));
            foreach (var a in source.AgreementsOf(victim.Cow))
                foreach (var p in a.Provisions.Where(p => p.Trigger is not null))
                    foreach (var c in attackerChecks)
                    {
                        var fast = ev.NotMetFor(c, ev.Scenes(template, states, Assumptions.None), a, p);
                        var plain = states.Select(x => ev.Decide(c, template with { Attacker = x }, Assumptions.None, a, p) == CheckResult.NotMet).ToArray();
                        Assert.Equal(plain, fast ?? new bool[states.Count]);
                        provisions++;
                        ruledOut += plain.Count(x => x);
                    }
        }
        Assert.True(provisions > 10 && ruledOut > 0, $"{provisions} provisions, {ruledOut} attackers ruled out");
    }

    [Fact]
    public void NotMetFor_ANonPartyTrigger_RulesOutExactlyThePartiesOnTheDay()
    {
        // Worked by hand: "an attack by a non-party" on a pact of the US, the UK and Estonia (the UK joining in 2000)
        // rules out those three in 2025 and only the US and Estonia in 1995; Russia and China stay in.
        var attack = new Provision("art-5", "Art. 5", ProvisionKind.Defense, "defence", null, [],
            new Trigger([TriggerKind.ArmedAttack], Selector.Of("any-member"), Selector.Of("non-party"), Scope.Anywhere, null, Here),
            [new Obligation(Selector.Of("other-parties"), Selector.Of("target"), "assist", Strength.Automatic, [], null, DeadlineFirmness.Hard, null, [], [], Here)],
            [], [], [], Here);
        Party Member(int cow, DateSpan span) => new(cow, null, PartyRole.Member, span, [], null, Position.None);
        var pact = new Agreement("pact", "Pact", AgreementForm.Treaty, AgreementStatus.InForce, Bindingness.Legal, null,
            new AgreementDates(new DateOnly(1990, 1, 1), new DateOnly(1990, 1, 1), null, null, null, null, null),
            [Member(Usa, DateSpan.Always), Member(Est, DateSpan.Always), Member(Gbr, new DateSpan(new DateOnly(2000, 1, 1), null))],
            [], [attack], [], [], AgreementOrigin.Pacta, Here);
        var corpus = new Corpus([pact], [], [], TestCorpus.States, TestCorpus.Locations);
        var ev = new Evaluator(corpus);
        var check = ev.Checks.Trigger.OfType<AttackerCheck>().Single();
        var attackers = new[] { Usa, Gbr, Rus, Est, Chn }.Select(c => corpus.States.ByCow(c)!).ToList();
        var est = corpus.States.ByCow(Est)!;
        bool[]? RuledOut(DateOnly day) => ev.NotMetFor(check,
            ev.Scenes(new Event(TriggerKind.ArmedAttack, attackers[2], est, day, null, HomeLocation.Of(corpus, est)), attackers, Assumptions.None), pact, attack);

        Assert.Equal([true, true, false, true, false], RuledOut(new DateOnly(2025, 6, 1))!);
        Assert.Equal([true, false, false, true, false], RuledOut(new DateOnly(1995, 6, 1))!);
    }
}
