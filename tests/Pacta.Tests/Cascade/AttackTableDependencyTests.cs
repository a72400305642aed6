using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;
using Pacta.Evaluation.Checks;
using Pacta.Tests.Support;

namespace Pacta.Tests.Cascade;

/// <summary>
/// The attack table shares a victim's obligations between attackers except where a trigger check declares that it
/// reads the attacker: a check added to the evaluator is run again per attacker exactly when it says so.
/// </summary>
public sealed class AttackTableDependencyTests
{
    private const int Usa = 2, Gbr = 200, Rus = 365, Est = 366, Chn = 710;
    private static readonly DateOnly Day = new(2025, 6, 1);
    private static readonly Position Here = new("pact.yaml", 1, 1);

    /// <summary>Not met when the attacker is <paramref name="cow"/>; declares <paramref name="dependsOn"/>, which may be wrong on purpose.</summary>
    private sealed class NotBy(int cow, CheckDependency dependsOn) : ClauseCheck
    {
        public override string Name => "not by";
        public override CheckDependency DependsOn => dependsOn;

        public override CheckResult? Run(in ClauseInput x, List<Explanation>? explain)
        {
            var ok = x.Event.Attacker.Cow != cow;
            explain?.Add(Explanation.Leaf(ok ? "another attacker" : "this attacker is excused", ok, x.Source));
            return ok ? CheckResult.Met : CheckResult.NotMet;
        }
    }

    /// <summary>Met only when the attacker is <paramref name="cow"/>, which it names.</summary>
    private sealed class OnlyBy(int cow) : ClauseCheck
    {
        public override string Name => "only by";
        public override CheckDependency DependsOn => CheckDependency.Attacker;
        public override IReadOnlyList<int> NamedAttackers(Provision p) => [cow];

        public override CheckResult? Run(in ClauseInput x, List<Explanation>? explain)
        {
            var ok = x.Event.Attacker.Cow == cow;
            explain?.Add(Explanation.Leaf(ok ? "the named attacker" : "not the named attacker", ok, x.Source));
            return ok ? CheckResult.Met : CheckResult.NotMet;
        }
    }

    private static Corpus Pact()
    {
        var defence = new Provision("art-5", "Art. 5", ProvisionKind.Defense, "defence", null, [],
            new Trigger([TriggerKind.ArmedAttack], Selector.Of("any-member"), Selector.Of("anyone"), Scope.Anywhere, null, Here),
            [new Obligation(Selector.Of("other-parties"), Selector.Of("target"), "assist", Strength.Automatic, [], null, DeadlineFirmness.Hard, null, [], [], Here)],
            [], [], [], Here);
        var pact = new Agreement("pact", "Pact", AgreementForm.Treaty, AgreementStatus.InForce, Bindingness.Legal, null,
            new AgreementDates(new DateOnly(1990, 1, 1), new DateOnly(1990, 1, 1), null, null, null, null, null),
            [.. new[] { Usa, Gbr, Est }.Select(c => new Party(c, null, PartyRole.Member, DateSpan.Always, [], null, Position.None))],
            [], [defence], [], [], AgreementOrigin.Pacta, Here);
        return new Corpus([pact], [], [], TestCorpus.States, TestCorpus.Locations);
    }

    private static (CascadeGraph Graph, AttackTable Table) Build(ClauseCheck check)
    {
        var source = new CascadeSource(Pact(), Day, Assumptions.None, ClauseChecks.Default.WithTrigger(check));
        var g = new CascadeGraph(source, CascadeOptions.Default);
        return (g, AttackTable.Build(g, threads: 1));
    }

    private static string[] ByTable(CascadeGraph g, AttackTable table, int attacker) =>
        [.. table.Triggered(TriggerKind.ArmedAttack, g.IndexOf(attacker), g.IndexOf(Est)).Select(c => $"{c.Agreement.Id} {c.Obligor.Cow}")];

    private static string[] ByEvaluator(CascadeGraph g, int attacker)
    {
        var victim = g.States[g.IndexOf(Est)];
        var e = new Event(TriggerKind.ArmedAttack, g.States[g.IndexOf(attacker)], victim, Day, null, g.Source.Home(victim));
        return [.. g.Source.Full.Evaluate(e, Assumptions.None).Triggered.Select(t => $"{t.Agreement.Id} {t.Obligor.Cow}")];
    }

    [Fact]
    public void CheckDeclaringTheAttacker_IsRunPerAttacker()
    {
        var (g, table) = Build(new NotBy(Rus, CheckDependency.Attacker));
        Assert.Equal(["pact 2", "pact 200"], ByTable(g, table, Chn));
        Assert.Empty(ByTable(g, table, Rus));
        foreach (var x in new[] { Chn, Rus, Usa }) Assert.Equal(ByEvaluator(g, x), ByTable(g, table, x));
    }

    [Fact]
    public void CheckNotDeclaringTheAttacker_IsSharedBetweenAttackers()
    {
        // The same check declaring nothing: the table trusts the declaration and gives Russia the stand-in's list,
        // which the evaluator does not; this is what the declaration is for.
        var (g, table) = Build(new NotBy(Rus, CheckDependency.None));
        Assert.Equal(["pact 2", "pact 200"], ByTable(g, table, Rus));
        Assert.Empty(ByEvaluator(g, Rus));
    }

    [Fact]
    public void CheckNamingAnAttacker_EvaluatesThatAttackerInFull()
    {
        var (g, table) = Build(new OnlyBy(Rus));
        Assert.Equal(["pact 2", "pact 200"], ByTable(g, table, Rus));
        Assert.Empty(ByTable(g, table, Chn));
        foreach (var x in new[] { Chn, Rus, Usa }) Assert.Equal(ByEvaluator(g, x), ByTable(g, table, x));
    }
}
