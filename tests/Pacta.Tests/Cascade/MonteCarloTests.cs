using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;
using Pacta.Tests.Support;

namespace Pacta.Tests.Cascade;

/// <summary>Monte Carlo: reproducible with a seed, equal to the deterministic cascade at p = 1, and convergent.</summary>
public sealed class MonteCarloTests
{
    private const int Fra = 220, Deu = 255, Ita = 325, Esp = 230, Bel = 211;

    private static Obligation Owes(int obligor, int line) =>
        new(Selector.ForStates(obligor), Selector.Of("target"), "help", Strength.Automatic, [], null, DeadlineFirmness.Hard, null, [], [], new Position("test", line, 1));

    /// <summary>A defence pact: <paramref name="defenders"/> defend <paramref name="protectedState"/> against anyone.</summary>
    private static Agreement Pact(string id, int protectedState, params int[] defenders)
    {
        var parties = defenders.Append(protectedState).Select(s => new Party(s, null, PartyRole.Member, DateSpan.Always, [], null, Position.None)).ToList();
        var trigger = new Trigger([TriggerKind.ArmedAttack], Selector.ForStates(protectedState), Selector.Of("anyone"), Scope.Anywhere, null, Position.None);
        var provision = new Provision("art-1", "Art. 1", ProvisionKind.Defense, "defence", null, [], trigger,
            defenders.Select((d, i) => Owes(d, i + 1)).ToList(), [], [], [], Position.None);
        return new Agreement(id, id, AgreementForm.Treaty, AgreementStatus.InForce, Bindingness.Legal, null,
            new AgreementDates(new DateOnly(2000, 1, 1), new DateOnly(2000, 1, 1), null, null, null, null, null),
            parties, [], [provision], [], [], AgreementOrigin.Pacta, Position.None);
    }

    /// <summary>
    /// France attacks Germany; Italy and Spain defend Germany (pact-t, p = 0.5 each), Belgium defends France
    /// (pact-a, p = 0.4). Belgium's promise is triggered only by a counter-attack on France, that is when Italy or
    /// Spain joins: P(Belgium) = (1 − 0.5²) × 0.4 = 0.3 exactly.
    /// </summary>
    private static (CascadeGraph Graph, CascadeStart Start, HonourModel Model) SmallCase()
    {
        var states = TestCorpus.States;
        var corpus = new Corpus([Pact("pact-t", Deu, Ita, Esp), Pact("pact-a", Fra, Bel)], [], [], states, TestCorpus.Locations);
        var graph = new CascadeGraph(new CascadeSource(corpus, new DateOnly(2020, 1, 1), Assumptions.None), CascadeOptions.Default);
        var start = new CascadeStart([states.ByCow(Fra)!], [states.ByCow(Deu)!], TriggerKind.ArmedAttack, null);
        var model = HonourModel.Of(HonourPresets.Bf2018) with
        {
            ByAgreement = new Dictionary<string, double> { ["pact-t"] = 0.5, ["pact-a"] = 0.4 },
        };
        return (graph, start, model);
    }

    private static double P(MonteCarloResult r, int cow) => r.States.FirstOrDefault(s => s.State.Cow == cow)?.DrawnIn.P ?? 0;

    [Fact]
    public void MonteCarlo_ACancelledToken_StopsTheRunWithoutAResult()
    {
        var (g, start, model) = SmallCase();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => MonteCarlo.Run(g, start, model, 1_000_000, 1, [], cancellationToken: cancelled.Token));
    }

    [Fact]
    public void MonteCarlo_ATokenCancelledDuringTheRun_StopsBetweenBlocks()
    {
        var (g, start, model) = SmallCase();
        // Cancelled by the first block: without the check between blocks the run would finish its 10^11 trials.
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        Assert.ThrowsAny<OperationCanceledException>(() => MonteCarlo.Run(g, start, model, 100_000_000_000, 1, [], threads: 2, cancellationToken: cts.Token));
    }

    [Fact]
    public void MonteCarlo_SmallCase_ConvergesToTheExactProbabilities()
    {
        var (g, start, model) = SmallCase();
        var r = MonteCarlo.Run(g, start, model, 400_000, 42, [(Bel, Ita)]);

        // Standard error at 400 000 trials is below 0.0008; 0.004 is five of them.
        Assert.InRange(P(r, Ita), 0.5 - 0.004, 0.5 + 0.004);
        Assert.InRange(P(r, Esp), 0.5 - 0.004, 0.5 + 0.004);
        Assert.InRange(P(r, Bel), 0.3 - 0.004, 0.3 + 0.004);
        // Belgium and Italy at war: Italy joins (0.5) and Belgium honours (0.4) = 0.2.
        Assert.InRange(r.Pairs[0].AtWar.P, 0.2 - 0.004, 0.2 + 0.004);
        Assert.InRange(r.MeanSize.Mean, 3.3 - 0.01, 3.3 + 0.01);
        // War size 2 needs both Italy and Spain to stay out: 0.25.
        Assert.InRange(r.SizeDistribution[2].P, 0.25 - 0.004, 0.25 + 0.004);
        Assert.True(r.States.Single(s => s.State.Cow == Bel).DrawnIn.Low < 0.3 && r.States.Single(s => s.State.Cow == Bel).DrawnIn.High > 0.3 - 0.01);
    }

    [Fact]
    public void MonteCarlo_TrialsNotAMultipleOf64_CountsEveryTrialOnce()
    {
        var (g, start, _) = SmallCase();
        // 4096 + 1000 trials: a full block, then a block whose last batch of 64 lanes is partly unused.
        var r = MonteCarlo.Run(g, start, HonourModel.Of(HonourPresets.Certain), 5_096, 3, [(Bel, Ita)]);

        foreach (var cow in new[] { Fra, Deu, Ita, Esp, Bel })
            Assert.Equal(5_096, r.States.Single(s => s.State.Cow == cow).DrawnIn.Hits);
        Assert.Equal(5_096, r.Pairs[0].AtWar.Hits);
        Assert.Equal(5_096, r.SizeDistribution[5].Hits);
        Assert.Equal(5, r.SizeDistribution.Count - 1);
        Assert.Equal(5.0, r.MeanSize.Mean);
    }

    [Fact]
    public void MonteCarlo_SameSeed_SameResultWhateverTheThreads()
    {
        var (g, start, model) = SmallCase();
        var one = MonteCarlo.Run(g, start, model, 50_000, 7, [], threads: 1);
        var two = MonteCarlo.Run(g, start, model, 50_000, 7, [], threads: 2);
        var other = MonteCarlo.Run(g, start, model, 50_000, 8, [], threads: 2);

        Assert.Equal(one.States.Select(s => s.DrawnIn.Hits), two.States.Select(s => s.DrawnIn.Hits));
        Assert.Equal(one.MeanSize, two.MeanSize);
        Assert.NotEqual(one.States.Select(s => s.DrawnIn.Hits), other.States.Select(s => s.DrawnIn.Hits));
    }

    [Fact]
    public void MonteCarlo_Estonia2025Certain_EqualsTheDeterministicCascade()
    {
        var corpus = CascadeCorpus.Corpus;
        var day = new DateOnly(2025, 6, 1);
        var e = new Event(TriggerKind.ArmedAttack, corpus.States.ByCow(365)!, corpus.States.ByCow(366)!, day, null, corpus.Locations.Find("EE")!);
        var det = DeterministicCascade.Run(corpus, e, Assumptions.None, CascadeOptions.Default);
        var g = new CascadeGraph(new CascadeSource(corpus, day, Assumptions.None), CascadeOptions.Default);
        var mc = MonteCarlo.Run(g, CascadeStart.Of(e), HonourModel.Of(HonourPresets.Certain), 2_000, 1, []);

        var drawn = mc.States.Where(s => s.DrawnIn.P == 1).Select(s => s.State.Cow).Order();
        Assert.Equal(det.Belligerents.Select(s => s.State.Cow).Order(), drawn);
        Assert.All(mc.States, s => Assert.True(s.DrawnIn.P is 0 or 1));
    }

    [Fact]
    public void MonteCarlo_Estonia2025_UsaAndRussiaAtWarMoreOftenThanDefencePactsAreHonoured()
    {
        var corpus = CascadeCorpus.Corpus;
        var day = new DateOnly(2025, 6, 1);
        var e = new Event(TriggerKind.ArmedAttack, corpus.States.ByCow(365)!, corpus.States.ByCow(366)!, day, null, corpus.Locations.Find("EE")!);
        var g = new CascadeGraph(new CascadeSource(corpus, day, Assumptions.None), CascadeOptions.Default);
        var mc = MonteCarlo.Run(g, CascadeStart.Of(e), HonourModel.Of(HonourPresets.Bf2018), 20_000, 1, [(2, 365)]);

        // The US can be drawn in by Art. 5 towards Estonia (0.41) or later towards an ally attacked by Russia's partners.
        Assert.InRange(mc.Pairs[0].AtWar.P, 0.41, 1);
        Assert.Equal(1, mc.States.Single(s => s.State.Cow == 365).AttackerSide.P);
    }
}
