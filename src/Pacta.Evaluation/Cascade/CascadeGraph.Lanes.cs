namespace Pacta.Evaluation.Cascade;

public sealed partial class CascadeGraph
{
    private LaneLayout? _laneLayout;

    /// <summary>
    /// For a closed graph: the edges of every event flattened into a few arrays (built once, shared by threads), so
    /// the 64-lane kernel walks contiguous memory instead of one array per event.
    /// </summary>
    internal LaneLayout Lanes
    {
        get
        {
            if (!Closed) throw new InvalidOperationException("the graph must be closed first");
            lock (_index)
                return _laneLayout ??= BuildLanes();
        }
    }

    private LaneLayout BuildLanes()
    {
        if (_commitments.Count > LaneEdge.MaxCommitments) throw new InvalidOperationException("too many commitments for the lane layout");
        var events = _events.Count;
        var groupStart = new int[events + 1];
        var obligors = new List<int>();
        var groupEdgeStart = new List<int>();
        var edges = new List<LaneEdge>();
        var attack = new List<int>();
        var involvement = new List<int>();
        // Lane ids number commitments in order of first appearance, so the commitments of an event (and of the
        // events sharing its edge set) sit side by side in the kernel's per-commitment arrays.
        var local = new int[_commitments.Count];
        Array.Fill(local, -1);
        var graphId = new int[_commitments.Count];
        var next = 0;
        int Local(int c)
        {
            if (local[c] < 0) { local[c] = next; graphId[next++] = c; }
            return local[c];
        }
        for (var ev = 0; ev < events; ev++)
        {
            groupStart[ev] = obligors.Count;
            var list = _edges[ev] ?? [];
            var d = _derived![ev];
            for (var k = 0; k < list.Length; k++)
            {
                var c = list[k];
                if (k == 0 || _obligor[list[k - 1]] != _obligor[c])
                {
                    obligors.Add(_obligor[c]);
                    groupEdgeStart.Add(edges.Count);
                }
                edges.Add(new LaneEdge(Local(c) | (_effect[c] << LaneEdge.EffectShift), _beneficiary[c]));
                // Events outside the closure (left by an earlier lazy run) have no derived events: nothing can push them.
                attack.Add(d is null ? -1 : d[2 * k]);
                involvement.Add(d is null ? -1 : d[2 * k + 1]);
            }
        }
        groupStart[events] = obligors.Count;
        groupEdgeStart.Add(edges.Count);
        for (var c = 0; c < local.Length; c++) Local(c);
        return new LaneLayout(groupStart, obligors.ToArray(), groupEdgeStart.ToArray(), edges.ToArray(), attack.ToArray(), involvement.ToArray(), local, graphId);
    }
}

/// <summary>One commitment of one event, 8 bytes: the commitment's lane id with its effect in the top bits, and its beneficiary.</summary>
internal readonly record struct LaneEdge(int Code, int Beneficiary)
{
    public const int EffectShift = 28;
    public const int MaxCommitments = 1 << EffectShift;

    public int Commitment => Code & (MaxCommitments - 1);
    public CascadeEffect Effect => (CascadeEffect)(Code >>> EffectShift);
}

/// <summary>
/// Events → obligor groups → edges. Event e owns groups <c>GroupStart[e] .. GroupStart[e + 1]</c>; group g (one obligor,
/// <c>GroupObligor[g]</c>) owns edges <c>GroupEdgeStart[g] .. GroupEdgeStart[g + 1]</c>, in the order of the closed graph.
/// <c>Attack</c> and <c>Involvement</c> give, per edge, the events its obligor creates by joining through it (-1: none).
/// Edges name commitments by lane id; <c>LaneId</c> and <c>GraphId</c> translate between lane and graph ids.
/// </summary>
internal sealed record LaneLayout(int[] GroupStart, int[] GroupObligor, int[] GroupEdgeStart, LaneEdge[] Edges, int[] Attack, int[] Involvement,
    int[] LaneId, int[] GraphId);
