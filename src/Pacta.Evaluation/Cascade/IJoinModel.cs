namespace Pacta.Evaluation.Cascade;

/// <summary>
/// How the obligations of a closed graph are grouped into decisions, and how likely each decision is honoured. The
/// Monte Carlo draws decisions, not obligations: a model that shares a decision between obligations makes them come
/// out together.
/// </summary>
public interface IJoinModel
{
    /// <summary>The word for the model (<c>--join-model</c>).</summary>
    string Id { get; }

    /// <summary>
    /// The fitted coefficients the model's probabilities come from, or null when they come from the honour preset
    /// (every output names the one actually used).
    /// </summary>
    JoinModelFile? Coefficients => null;

    /// <summary>Decisions for every obligation of <paramref name="closed"/> (a closed graph), with probabilities from <paramref name="honour"/>.</summary>
    DecisionUnits Assign(CascadeGraph closed, HonourModel honour);
}
