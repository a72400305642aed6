namespace Pacta.Evaluation.Cascade;

/// <summary>
/// <see cref="DecisionUnits"/> as the lane kernel asks for them: by an obligation's lane id and its beneficiary's side.
/// One decision per obligation keeps the lane ids as decision ids (the draws, and the order they are made in, are
/// those of a kernel without decisions); shared decisions keep the units' ids. Built once, shared by threads.
/// </summary>
internal sealed class LaneDecisions
{
    private readonly LaneLayout _layout;

    public LaneDecisions(LaneLayout layout, DecisionUnits units)
    {
        _layout = layout;
        Units = units;
        if (units.IsPerObligation)
        {
            Count = layout.GraphId.Length;
            return;
        }
        Count = units.Count;
        var graphId = layout.GraphId;
        Attacker = new int[graphId.Length];
        Defender = new int[graphId.Length];
        for (var lane = 0; lane < graphId.Length; lane++)
        {
            Attacker[lane] = units.Of(graphId[lane], CascadeSide.Attacker);
            Defender[lane] = units.Of(graphId[lane], CascadeSide.Defender);
        }
    }

    public DecisionUnits Units { get; }

    /// <summary>Lane decision ids run from 0 to <c>Count - 1</c>.</summary>
    public int Count { get; }

    /// <summary>By lane id: the decision when the beneficiary is on the attacker's side; null when a decision is its obligation.</summary>
    public int[]? Attacker { get; }

    /// <summary>By lane id: the decision when the beneficiary is on the defender's side; null when a decision is its obligation.</summary>
    public int[]? Defender { get; }

    /// <summary>The decision of the units that a lane decision id stands for.</summary>
    public int UnitDecision(int laneDecision) => Attacker is null ? _layout.GraphId[laneDecision] : laneDecision;

    /// <summary>The lane decision id of a decision of the units.</summary>
    public int LaneDecision(int unitDecision) => Attacker is null ? _layout.LaneId[unitDecision] : unitDecision;
}
