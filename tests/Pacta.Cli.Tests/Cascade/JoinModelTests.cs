using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;
using Pacta.Tests.Support;
using static Pacta.Tests.Cascade.SmallGraphs;

namespace Pacta.Tests.Cascade;

/// <summary>Join models: which obligations share a decision, and what the Monte Carlo makes of it on cases worked out by hand.</summary>
public sealed class JoinModelTests
{
    /// <summary>
    /// France attacks Germany; Italy promises to defend Germany in three pacts (d1–d3, p = 0.5 each); Belgium defends
    /// France (a1, p = 0.4), invoked when Italy's entry brings a counter-attack on France.
    /// </summary>
    private static (CascadeGraph Graph, CascadeStart Start, HonourModel Model) ThreePromises(CascadeOptions options)
    {
        var (g, start) = FranceAttacksGermany(options,
            Pact("d1", ProvisionKind.Defense, Deu, Ita), Pact("d2", ProvisionKind.Defense, Deu, Ita), Pact("d3", ProvisionKind.Defense, Deu, Ita),
            Pact("a1", ProvisionKind.Defense, Fra, Bel));
        var model = HonourModel.Of(HonourPresets.Bf2018) with
        {
            ByAgreement = new Dictionary<string, double> { ["d1"] = 0.5, ["d2"] = 0.5, ["d3"] = 0.5, ["a1"] = 0.4 },
        };
        return (g, start, model);
    }

    private static double P(MonteCarloResult r, int cow) => r.States.FirstOrDefault(s => s.State.Cow == cow)?.DrawnIn.P ?? 0;

    [Fact]
    public void PerState_ThreePromisesToOneSide_JoinsWithPNotWithOneMinusQCubed()
    {
        var (g, start, model) = ThreePromises(CascadeOptions.Default);
        const int Trials = 200_000;
        var perState = MonteCarlo.Run(g, start, model, Trials, 17, [(Bel, Ita)], joins: PerStateAndSide.Instance);
        var perObligation = MonteCarlo.Run(g, start, model, Trials, 17, [(Bel, Ita)], joins: PerObligation.Instance);

        // At 200 000 trials a standard error is at most 0.0012; 0.006 is five of them.
        const double Tolerance = 0.006;
        // One draw for Italy towards Germany's side: 0.5. Three draws: 1 − 0.5³ = 0.875.
        Assert.InRange(P(perState, Ita), 0.5 - Tolerance, 0.5 + Tolerance);
        Assert.InRange(P(perObligation, Ita), 0.875 - Tolerance, 0.875 + Tolerance);
        // Belgium needs Italy in and its own promise honoured: 0.5 × 0.4 = 0.2, against 0.875 × 0.4 = 0.35.
        Assert.InRange(P(perState, Bel), 0.2 - Tolerance, 0.2 + Tolerance);
        Assert.InRange(P(perObligation, Bel), 0.35 - Tolerance, 0.35 + Tolerance);
        Assert.InRange(perState.Pairs[0].AtWar.P, 0.2 - Tolerance, 0.2 + Tolerance);
        // War size 2 (nobody joins) has probability 0.5 with one decision, 0.125 with three.
        Assert.InRange(perState.SizeDistribution[2].P, 0.5 - Tolerance, 0.5 + Tolerance);
        Assert.InRange(perObligation.SizeDistribution[2].P, 0.125 - Tolerance, 0.125 + Tolerance);
    }

    [Fact]
    public void PerState_TheOptionAndTheExplicitModel_DrawTheSame()
    {
        var (g, start, model) = ThreePromises(new CascadeOptions { JoinModel = JoinModel.PerState });
        var byOption = MonteCarlo.Run(g, start, model, 20_000, 3, []);
        var explicitModel = MonteCarlo.Run(g, start, model, 20_000, 3, [], joins: PerStateAndSide.Instance);
        var perObligation = MonteCarlo.Run(g, start, model, 20_000, 3, [], joins: PerObligation.Instance);

        Assert.Equal(byOption.States.Select(s => s.DrawnIn.Hits), explicitModel.States.Select(s => s.DrawnIn.Hits));
        Assert.NotEqual(byOption.States.Select(s => s.DrawnIn.Hits), perObligation.States.Select(s => s.DrawnIn.Hits));
        Assert.Contains(g.Options.Describe(), o => o.Name == "join-model" && o.Value == "per-state");
        Assert.DoesNotContain(CascadeOptions.Default.Describe(), o => o.Name == "join-model");
    }

    [Fact]
    public void PerState_AStatesObligationsTowardsOneSide_ShareOneDecision()
    {
        var (g, _, model) = ThreePromises(CascadeOptions.Default);
        var units = PerStateAndSide.Instance.Assign(g, model);
        var italy = Enumerable.Range(0, g.ObligationCount).Where(c => g.Obligation(c).Obligor.Cow == Ita).ToList();
        var belgium = Enumerable.Range(0, g.ObligationCount).Single(c => g.Obligation(c).Obligor.Cow == Bel);

        Assert.Equal(3, italy.Count);
        Assert.False(units.IsPerObligation);
        Assert.Single(italy.Select(c => units.Of(c, CascadeSide.Defender)).Distinct());
        Assert.Single(italy.Select(c => units.Of(c, CascadeSide.Attacker)).Distinct());
        Assert.NotEqual(units.Of(italy[0], CascadeSide.Defender), units.Of(italy[0], CascadeSide.Attacker));
        Assert.NotEqual(units.Of(italy[0], CascadeSide.Defender), units.Of(belgium, CascadeSide.Defender));
        Assert.Equal(0.5, units.P(units.Of(italy[0], CascadeSide.Defender)));
        Assert.Equal(0.4, units.P(units.Of(belgium, CascadeSide.Attacker)));
    }

    [Fact]
    public void PerState_StrongestEffectSetsTheProbability()
    {
        // Spain owes Germany neutrality (0.78 under bf2018) and France defence (0.41): its decisions take the defence rate.
        var (g, _) = Tangle(CascadeOptions.Default);
        var units = PerStateAndSide.Instance.Assign(g, HonourModel.Of(HonourPresets.Bf2018));
        var spain = Enumerable.Range(0, g.ObligationCount).Where(c => g.Obligation(c).Obligor.Cow == Esp).ToList();

        Assert.Contains(spain, c => g.Obligation(c).Kind == ProvisionKind.Neutrality);
        Assert.Contains(spain, c => g.Obligation(c).Kind == ProvisionKind.Defense);
        Assert.All(spain, c => Assert.Equal(0.41, units.P(units.Of(c, CascadeSide.Attacker))));
    }

    [Fact]
    public void PerObligation_EachObligationIsItsOwnDecisionWithItsHonourProbability()
    {
        var (g, _, model) = ThreePromises(CascadeOptions.Default);
        var units = PerObligation.Instance.Assign(g, model);

        Assert.True(units.IsPerObligation);
        Assert.Equal(g.ObligationCount, units.Count);
        for (var c = 0; c < g.ObligationCount; c++)
        {
            Assert.Equal(c, units.Of(c, CascadeSide.Attacker));
            Assert.Equal(c, units.Of(c, CascadeSide.Defender));
            Assert.Equal(model.P(g.Obligation(c)), units.P(c));
        }
    }

    [Fact]
    public void JoinModels_AnOpenGraph_IsRefused()
    {
        var g = new CascadeGraph(new CascadeSource(new Corpus([], [], [], TestCorpus.States, TestCorpus.Locations), new DateOnly(2020, 1, 1), Assumptions.None), CascadeOptions.Default);
        Assert.Throws<InvalidOperationException>(() => PerStateAndSide.Instance.Assign(g, HonourModel.Of(HonourPresets.Bf2018)));
        Assert.Throws<InvalidOperationException>(() => PerObligation.Instance.Assign(g, HonourModel.Of(HonourPresets.Bf2018)));
    }

    [Fact]
    public void CascadeCli_JoinModelPerState_DrawsEuMembersAtTheDefenceRateNotAboveIt()
    {
        string[] args = ["cascade", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--trials", "4000", "--seed", "1", "--json"];
        var perObligation = PactaCli.Run(args);
        var perState = PactaCli.Run([.. args, "--join-model", "per-state"]);

        Assert.True(perObligation.ExitCode == 0, perObligation.Stderr);
        Assert.True(perState.ExitCode == 0, perState.Stderr);
        Assert.Null(perObligation.Json["options"]!["join-model"]);
        Assert.Equal("per-state", (string?)perState.Json["options"]!["join-model"]!["value"]);
        double Germany(Support.RunResult r) => (double)r.Json["monte_carlo"]!["states"]!.AsArray().Single(s => (int)s!["state"]!["cow"]! == Deu)!["drawn_in"]!["p"]!;
        // Germany owes Estonia defence under NATO, the EU and ATOP alliances: many coins, or one at the defence rate (0.41).
        Assert.True(Germany(perObligation) > 0.7, $"per-obligation: {Germany(perObligation)}");
        Assert.InRange(Germany(perState), 0.41 - 0.04, 0.41 + 0.04);
    }

    [Fact]
    public void CascadeCli_UnknownJoinModel_IsOneLineErrorWithExitCode1()
    {
        var r = PactaCli.Run("cascade", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--join-model", "per-alliance");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--join-model: 'per-alliance' must be one of per-obligation, per-state", r.Stderr);
    }
}
