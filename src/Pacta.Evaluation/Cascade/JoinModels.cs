using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

/// <summary>The join models shipped with Pacta (<c>--join-model</c>).</summary>
public enum JoinModel
{
    /// <summary>Each obligation is its own decision, with its honour probability (default; the model of the presets' studies).</summary>
    PerObligation,
    /// <summary>One decision per state and side: all of a state's obligations towards one side come out together.</summary>
    PerState,
    /// <summary>One draw per state and side with the fitted joining model's probability (docs/validation.md); needs its coefficients.</summary>
    Fitted,
}

public static class JoinModels
{
    public static IJoinModel Of(JoinModel model) => model switch
    {
        JoinModel.PerState => PerStateAndSide.Instance,
        JoinModel.Fitted => throw new InvalidOperationException("the fitted join model needs its coefficients and the cascade's start: pass a FittedJoinModel"),
        _ => PerObligation.Instance,
    };
}

/// <summary>
/// Each obligation its own decision, honoured with <see cref="HonourModel.P"/>: a state with thirty promises tosses
/// thirty coins. The draws are those of the Monte Carlo before decision units existed.
/// </summary>
public sealed class PerObligation : IJoinModel
{
    public static readonly PerObligation Instance = new();

    public string Id => Words.Of(JoinModel.PerObligation);

    public DecisionUnits Assign(CascadeGraph closed, HonourModel honour)
    {
        if (!closed.Closed) throw new InvalidOperationException("decision units need a closed graph");
        var p = new double[closed.ObligationCount];
        for (var c = 0; c < p.Length; c++) p[c] = honour.P(closed.Obligation(c));
        return DecisionUnits.OnePerObligation(Id, p);
    }
}

/// <summary>
/// One decision per (state, side): whether the state honours what it promised towards that side, so all its
/// obligations towards one side share one draw (a state with three defence promises to the target's side joins with
/// probability p, not 1 − (1 − p)³). Not fitted: a decision's probability is the honour probability of the state's
/// strongest obligation that the cascade can invoke — the highest <see cref="HonourModel.P"/> among its obligations
/// with the strongest effect (fight, then support, then stay out), on the closure's events and its standing peace
/// promises — the same for both sides. It shows the kernels draw whatever decisions a model makes; a fitted
/// per-state model replaces the probabilities.
/// </summary>
public sealed class PerStateAndSide : IJoinModel
{
    public static readonly PerStateAndSide Instance = new();

    public string Id => Words.Of(JoinModel.PerState);

    /// <summary>Decision id of <paramref name="state"/> (a graph index) towards <paramref name="side"/>.</summary>
    public static int Decision(int state, CascadeSide side) => 2 * state + (int)side - 1;

    public DecisionUnits Assign(CascadeGraph closed, HonourModel honour)
    {
        if (!closed.Closed) throw new InvalidOperationException("decision units need a closed graph");
        var n = closed.StateCount;
        var of = new int[2 * closed.ObligationCount];
        for (var c = 0; c < closed.ObligationCount; c++)
        {
            var o = closed.ObligorOf[c];
            of[2 * c] = Decision(o, CascadeSide.Attacker);
            of[2 * c + 1] = Decision(o, CascadeSide.Defender);
        }
        // Per state: its strongest effect among invocable obligations (Fight = 0 is the strongest) and the best P there.
        var effect = new int[n];
        Array.Fill(effect, int.MaxValue);
        var best = new double[n];
        foreach (var c in closed.InvocableObligations())
        {
            var o = closed.ObligorOf[c];
            var e = closed.EffectOf[c];
            var p = honour.P(closed.Obligation(c));
            if (e < effect[o]) (effect[o], best[o]) = (e, p);
            else if (e == effect[o]) best[o] = Math.Max(best[o], p);
        }
        var probabilities = new double[2 * n];
        for (var s = 0; s < n; s++)
            probabilities[Decision(s, CascadeSide.Attacker)] = probabilities[Decision(s, CascadeSide.Defender)] = best[s];
        return DecisionUnits.Shared(Id, of, probabilities);
    }
}
