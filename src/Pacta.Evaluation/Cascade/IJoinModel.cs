namespace Pacta.Evaluation.Cascade;

/// <summary>
/// How the commitments of a closed graph are grouped into decisions, and how likely each decision is honoured. The
/// Monte Carlo draws decisions, not commitments: a model that shares a decision between commitments makes them come
/// out together.
/// </summary>
public interface IJoinModel
{
    /// <summary>The word for the model (<c>--join-model</c>).</summary>
    string Id { get; }

    /// <summary>Decisions for every commitment of <paramref name="closed"/> (a closed graph), with probabilities from <paramref name="honour"/>.</summary>
    DecisionUnits Assign(CascadeGraph closed, HonourModel honour);
}
