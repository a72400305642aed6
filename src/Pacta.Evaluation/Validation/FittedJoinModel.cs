using Pacta.Evaluation.Cascade;

namespace Pacta.Evaluation.Validation;

/// <summary>
/// The fitted joining model in the Monte Carlo (<c>--join-model fitted</c>): one decision per state and side, as
/// <see cref="PerStateAndSide"/>, honoured with the model's P(the state joins that side) for its situation towards
/// the cascade's initial attackers and targets (<see cref="JoinFeatures"/>). A state still joins only through a
/// obligation the cascade reaches; the model sets how often. The honour presets are not used.
/// </summary>
public sealed class FittedJoinModel(IReadOnlyList<double> coefficients, CascadeStart start, Contiguity contiguity, JoinModelFile? file = null) : IJoinModel
{
    public string Id => Pacta.Domain.Words.Of(JoinModel.Fitted);

    /// <summary>The coefficients file (null for coefficients made in code, as in tests).</summary>
    public JoinModelFile? Coefficients => file;

    public DecisionUnits Assign(CascadeGraph closed, HonourModel honour)
    {
        if (!closed.Closed) throw new InvalidOperationException("decision units need a closed graph");
        var n = closed.StateCount;
        var of = new int[2 * closed.ObligationCount];
        for (var c = 0; c < closed.ObligationCount; c++)
        {
            var o = closed.ObligorOf[c];
            of[2 * c] = PerStateAndSide.Decision(o, CascadeSide.Attacker);
            of[2 * c + 1] = PerStateAndSide.Decision(o, CascadeSide.Defender);
        }
        // Initial belligerents are at war already: their decisions are never asked; 1 keeps them out of the draws.
        var p = new double[2 * n];
        Array.Fill(p, 1.0);
        foreach (var s in JoinFeatures.Of(closed, start, contiguity, cow => closed.IsMajor[closed.IndexOf(cow)], systemMembersOnly: false))
        {
            var i = closed.IndexOf(s.State.Cow);
            var (_, pa, pt) = ConditionalLogit.Predict(coefficients, s.Attacker, s.Target);
            p[PerStateAndSide.Decision(i, CascadeSide.Attacker)] = pa;
            p[PerStateAndSide.Decision(i, CascadeSide.Defender)] = pt;
        }
        return DecisionUnits.Shared(Id, of, p);
    }
}
