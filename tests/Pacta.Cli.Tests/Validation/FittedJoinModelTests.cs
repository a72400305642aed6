using Pacta.Domain;
using Pacta.Evaluation.Cascade;
using Pacta.Evaluation.Validation;
using Pacta.Tests.Support;

namespace Pacta.Tests.Validation;

/// <summary>The conditional logit, its coefficients file and the fitted join model of the Monte Carlo.</summary>
public sealed class FittedJoinModelTests
{
    private static double[] Coefficients(params (string Name, double Value)[] set)
    {
        var beta = new double[JoinFeatures.Count];
        foreach (var (name, value) in set) beta[JoinFeatures.Names.ToList().IndexOf(name)] = value;
        return beta;
    }

    [Fact]
    public void Predict_IsTheSoftmaxWithNoneAtZero()
    {
        var (p0, pa, pt) = ConditionalLogit.Predict([-2, 1], [1, 0], [1, 1]);
        var z = 1 + Math.Exp(-2) + Math.Exp(-1);
        Assert.Equal(1 / z, p0, 12);
        Assert.Equal(Math.Exp(-2) / z, pa, 12);
        Assert.Equal(Math.Exp(-1) / z, pt, 12);
    }

    [Fact]
    public void Fit_WithoutPenalty_RecoversTheSharesExactly()
    {
        // 10 candidates: 5 none, 2 attacker's side, 3 target's side; features (intercept, target_side).
        var rows = new List<LogitRow>();
        foreach (var (outcome, count) in new[] { (0, 5), (1, 2), (2, 3) })
            for (var i = 0; i < count; i++) rows.Add(new LogitRow([1, 0], [1, 1], outcome));

        var beta = ConditionalLogit.Fit(rows, 2, ridge: 0);

        // P(attacker) = 0.2 = 0.5 e^b0, P(target) = 0.3 = 0.5 e^(b0 + b1).
        Assert.Equal(Math.Log(0.4), beta[0], 8);
        Assert.Equal(Math.Log(1.5), beta[1], 8);
    }

    [Fact]
    public void Fit_RidgeShrinksTowardsZeroButNotTheIntercept()
    {
        var rows = new List<LogitRow>();
        foreach (var (outcome, count) in new[] { (0, 5), (1, 2), (2, 3) })
            for (var i = 0; i < count; i++) rows.Add(new LogitRow([1, 0], [1, 1], outcome));
        var free = ConditionalLogit.Fit(rows, 2, ridge: 0);
        var penalised = ConditionalLogit.Fit(rows, 2, ridge: 5);
        Assert.InRange(penalised[1], 0, free[1] - 1e-3);
        Assert.True(ConditionalLogit.Objective(rows, penalised, 5) >= ConditionalLogit.Objective(rows, free, 5));
    }

    [Fact]
    public void Coefficients_RoundTripThroughTheirFile()
    {
        var c = new JoinCoefficients(Coefficients(("intercept", -4.5), ("defence_to", 1.25)), 1, "test", 3, 30, 2);
        var back = JoinCoefficients.Parse(c.ToJson(), "c.json");
        Assert.Equal(c.Values, back.Values);
        Assert.Equal(30, back.Rows);
    }

    [Theory]
    [InlineData("{\"coefficients\": {\"intercept\": 1,", "c.json: line 1, column")]
    [InlineData("[1, 2]", "c.json: line 1, column 1: expected a JSON object")]
    [InlineData("{}", "c.json: field 'coefficients' is missing or not an object")]
    [InlineData("{\"coefficients\": {\"intercept\": 1}}", "c.json: field 'coefficients.target_side' is missing")]
    [InlineData("{\"coefficients\": {\"intercept\": \"high\"}}", "c.json: field 'coefficients.intercept' must be a finite number, not \"high\"")]
    [InlineData("{\"coefficients\": {\"alliance\": 1}}", "c.json: field 'coefficients.alliance' is not a feature")]
    public void Coefficients_BadFile_GetsALocatedError(string text, string message)
    {
        var e = Assert.Throws<FormatException>(() => JoinCoefficients.Parse(text, "c.json"));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void FittedJoinModel_DrawsPerStateWithTheModelsProbability()
    {
        // Russia attacks Estonia on 2025-06-01. With intercept −1 and contiguous_to 2 (the rest 0), P(side) depends only
        // on contiguity (types 1–3) to that side's initial belligerent, which COW codes up to 2016 and Pacta carries on.
        var contiguity = new Contiguity();
        contiguity.Add(365, 367, 1, 192001, 201612); // Russia–Latvia
        contiguity.Add(366, 367, 1, 192001, 201612); // Estonia–Latvia
        contiguity.Add(365, 375, 1, 191712, 201612); // Russia–Finland
        contiguity.Add(366, 375, 4, 192001, 201612); // Estonia–Finland, 150 miles of water: not near
        var states = TestCorpus.Corpus.States;
        var start = new CascadeStart([states.ByCow(365)!], [states.ByCow(366)!], TriggerKind.ArmedAttack, null);
        var graph = new CascadeGraph(new CascadeSource(TestCorpus.Corpus, new DateOnly(2025, 6, 1), Assumptions.None), new CascadeOptions());
        graph.Close(start);
        var model = new FittedJoinModel(Coefficients(("intercept", -1), ("contiguous_to", 2)), start, contiguity);

        var units = model.Assign(graph, HonourModel.Of(HonourPresets.Default));

        double P(int cow, CascadeSide side) => units.P(PerStateAndSide.Decision(graph.IndexOf(cow), side));
        double Near(double eta, double other) => Math.Exp(eta) / (1 + Math.Exp(eta) + Math.Exp(other));
        Assert.Equal("fitted", units.Model);
        Assert.Equal(Near(1, 1), P(367, CascadeSide.Attacker), 12);
        Assert.Equal(Near(1, 1), P(367, CascadeSide.Defender), 12);
        Assert.Equal(Near(1, -1), P(375, CascadeSide.Attacker), 12);
        Assert.Equal(Near(-1, 1), P(375, CascadeSide.Defender), 12);
        Assert.Equal(Near(-1, -1), P(2, CascadeSide.Defender), 12);
        // Every obligation of a state towards one side shares that state's decision.
        for (var c = 0; c < graph.ObligationCount; c++)
            Assert.Equal(PerStateAndSide.Decision(graph.IndexOf(graph.Obligation(c).Obligor.Cow), CascadeSide.Defender), units.Of(c, CascadeSide.Defender));
    }

    [Fact]
    public void JoinModels_Fitted_NeedsItsCoefficients()
    {
        Assert.Throws<InvalidOperationException>(() => JoinModels.Of(JoinModel.Fitted));
    }

    [Fact]
    public void CascadeCli_JoinModelFitted_RunsTheMonteCarloWithTheShippedCoefficients()
    {
        var r = PactaCli.Run("cascade", "--attacker", "RUS", "--target", "EST", "--date", "2025-06-01", "--trials", "2000", "--seed", "1", "--join-model", "fitted");

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("join-model = fitted", r.Stdout);
        Assert.Contains("Monte Carlo: 2,000 trials", r.Stdout);
    }
}
