namespace Pacta.Evaluation.Cascade;

/// <summary>
/// The draws of a Monte Carlo trial: every obligation of a closed graph is honoured or not as its decision comes out,
/// and a decision is drawn once per trial, whichever and however many obligations share it. A decision is named by
/// the obligation and by the side its beneficiary fights on (a beneficiary may fight on either side in different
/// trials, and a join model may decide per side); obligations act only towards belligerents, so the side is always
/// known when a kernel asks. Made by an <see cref="IJoinModel"/>.
/// </summary>
public sealed class DecisionUnits
{
    // [2 * obligation + side - 1] → decision; null: one decision per obligation, with the obligation's id.
    private readonly int[]? _of;
    private readonly double[] _p;

    private DecisionUnits(string model, int[]? of, double[] p)
    {
        Model = model;
        _of = of;
        _p = p;
    }

    /// <summary>The id of the join model that made them.</summary>
    public string Model { get; }

    /// <summary>Number of decisions; ids run from 0 to <c>Count - 1</c>.</summary>
    public int Count => _p.Length;

    /// <summary>True when each obligation is its own decision, with the obligation's id (the kernels' fast path).</summary>
    public bool IsPerObligation => _of is null;

    /// <summary>The probability that decision <paramref name="decision"/> comes out honoured.</summary>
    public double P(int decision) => _p[decision];

    /// <summary>The decision that says whether <paramref name="obligation"/> is honoured when its beneficiary fights on <paramref name="side"/>.</summary>
    public int Of(int obligation, CascadeSide side) => _of is null ? obligation : _of[2 * obligation + (int)side - 1];

    /// <summary>One decision per obligation (decision id = obligation id), with the given probabilities.</summary>
    public static DecisionUnits OnePerObligation(string model, double[] p) => new(model, null, p);

    /// <summary>
    /// Decisions shared between obligations: <paramref name="of"/>[2c] is obligation c's decision when its beneficiary
    /// is on the attacker's side, <paramref name="of"/>[2c + 1] on the defender's.
    /// </summary>
    public static DecisionUnits Shared(string model, int[] of, double[] p)
    {
        foreach (var d in of)
            if ((uint)d >= (uint)p.Length) throw new ArgumentException($"decision {d} has no probability", nameof(of));
        return new(model, of, p);
    }

    /// <summary>The same decisions, all honoured (deterministic runs of a graph, closed or not).</summary>
    internal static readonly DecisionUnits Identity = new("per-obligation", null, []);
}
