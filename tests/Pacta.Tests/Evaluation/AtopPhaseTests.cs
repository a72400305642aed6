using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;
using Pacta.Workspace;

namespace Pacta.Tests.Evaluation;

/// <summary>
/// An ATOP member row (member × phase) binds only for its own spell, although the state is a party through its
/// other rows: the Helsinki Final Act (atop-3740) codes the Soviet Union in phase 1 (1975-08-01 .. 1990-11-21) and
/// Russia in phase 2 (from 1990-11-21), each with a non-aggression promise.
/// </summary>
public sealed class AtopPhaseTests
{
    private static readonly Lazy<PactaSession> Session = new(() => PactaSession.Open());

    // ATOP's own coding of 3740: the bundled corpus's helsinki-final-act-1975 takes it over (same-as), so the phases
    // are read from the corpus without that file.
    private static readonly Lazy<Corpus> AtopOnly = new(() =>
    {
        var c = Session.Value.Corpus;
        return new Corpus(c.Agreements.Where(a => a.Id != "helsinki-final-act-1975"), c.Organizations, c.Conflicts, c.States, c.Locations);
    });

    private static Corpus Corpus => AtopOnly.Value;

    private static Outcome Attack(DateOnly day)
    {
        var c = Corpus;
        var swe = c.States.ByCow(380)!;
        return new Evaluator(c).Evaluate(new Event(TriggerKind.ArmedAttack, c.States.ByCow(365)!, swe, day, null, HomeLocation.Of(c, swe)), Assumptions.None);
    }

    private static List<string> HelsinkiBreaches(Outcome o) =>
        o.Breached.Where(b => b.Agreement.Id == "atop-3740" && b.Obligor.Cow == 365).Select(b => b.Provision.Id).ToList();

    [Fact]
    public void Gotland_2024_breaks_only_the_phase_2_promise()
    {
        var o = Attack(new DateOnly(2024, 6, 1));
        Assert.Equal(["non-aggression-365-p2"], HelsinkiBreaches(o));
        // Phase-1 rows are not in force that day, and their checks say so instead of "Sweden is a party".
        var phase1 = o.NotTriggered.Where(n => n.Agreement.Id == "atop-3740" && n.Provision.Id.EndsWith("-p1", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(phase1);
        Assert.All(phase1, n => Assert.StartsWith("not in force", n.Reason.Replace("promise not broken: ", "", StringComparison.Ordinal), StringComparison.Ordinal));
        var soviet = o.NotTriggered.First(n => n.Agreement.Id == "atop-3740" && n.Provision.Id == "non-aggression-365-p1" && n.Provision.BreachedBy.Count > 0);
        Assert.Contains("not in force: ATOP non-aggression (member 365, phase 1) applies 1975-08-01 .. 1990-11-21 only, not on 2024-06-01", soviet.Reason, StringComparison.Ordinal);
        Assert.Equal(1286, soviet.Explanation.FirstNotMet()!.Source!.Line);
    }

    [Fact]
    public void An_attack_in_1980_breaks_only_the_phase_1_promise()
    {
        Assert.Equal(["non-aggression-365-p1"], HelsinkiBreaches(Attack(new DateOnly(1980, 6, 1))));
    }

    [Fact]
    public void Peace_promises_follow_the_phase()
    {
        var promises = PeaceObligations.On(Corpus, new DateOnly(2024, 6, 1), Assumptions.None)
            .Where(p => p.Agreement.Id == "atop-3740" && p.Obligor == 365 && p.Beneficiary == 380).Select(p => p.Provision.Id);
        Assert.Equal(["non-aggression-365-p2"], promises);
    }

    [Fact]
    public void Provisions_without_a_span_follow_their_agreement()
    {
        var day = new DateOnly(2024, 6, 1);
        var handEncoded = Corpus.Agreements.Where(a => a.Origin == AgreementOrigin.Pacta).ToList();
        Assert.NotEmpty(handEncoded);
        foreach (var a in handEncoded)
        {
            var on = Corpus.Bound.On(a, day, Assumptions.None);
            Assert.All(a.Provisions, p => Assert.Equal(on.InForce, on.ProvisionInForce(p)));
        }
    }
}
