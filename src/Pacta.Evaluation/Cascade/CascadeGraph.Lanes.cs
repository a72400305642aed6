namespace Pacta.Evaluation.Cascade;

public sealed partial class CascadeGraph
{
    private LaneLayout? _laneLayout;

    /// <summary>
    /// For a closed graph: the edges of every edge set flattened into a few arrays (built once, shared by threads), so
    /// the 64-lane kernel walks contiguous memory instead of one array per event, and events sharing a set share it.
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
        var sets = EdgeSetCount;
        var n = States.Count;
        var setGroupStart = new int[sets + 1];
        var obligors = new List<int>();
        var groupEdgeStart = new List<int>();
        var edges = new List<LaneEdge>();
        // A joiner's derived events depend only on it and its enemy, so they are kept per pair, not per edge of
        // every event (events sharing an edge set differ only in their aggressor).
        var attackOf = new int[n * n];
        var involvementOf = new int[n * n];
        Array.Fill(attackOf, -1);
        Array.Fill(involvementOf, -1);
        // Lane ids number commitments in order of first appearance, so the commitments of an edge set sit side by
        // side in the kernel's per-commitment arrays.
        var local = new int[_commitments.Count];
        Array.Fill(local, -1);
        var graphId = new int[_commitments.Count];
        var next = 0;
        int Local(int c)
        {
            if (local[c] < 0) { local[c] = next; graphId[next++] = c; }
            return local[c];
        }
        var laidOut = new bool[sets];
        var firstEvent = new int[sets];
        for (var ev = 0; ev < events; ev++)
        {
            var set = EdgeSetOf[ev];
            var list = _edges[ev] ?? [];
            var d = _derived![ev];
            // Events outside the closure (left by an earlier lazy run) have no derived events: nothing can push them.
            if (d is not null)
            {
                var a = _aggressor[ev];
                for (var k = 0; k < list.Length; k++)
                {
                    var o = _obligor[list[k]];
                    if (d[2 * k] >= 0) attackOf[o * n + a] = d[2 * k];
                    if (d[2 * k + 1] >= 0) involvementOf[a * n + o] = d[2 * k + 1];
                }
            }
            if (laidOut[set]) continue;
            laidOut[set] = true;
            firstEvent[set] = ev;
        }
        for (var set = 0; set < sets; set++)
        {
            setGroupStart[set] = obligors.Count;
            if (!laidOut[set]) continue;
            var list = _edges[firstEvent[set]] ?? [];
            for (var k = 0; k < list.Length; k++)
            {
                var c = list[k];
                if (k == 0 || _obligor[list[k - 1]] != _obligor[c])
                {
                    obligors.Add(_obligor[c]);
                    groupEdgeStart.Add(edges.Count);
                }
                edges.Add(new LaneEdge(Local(c) | (_effect[c] << LaneEdge.EffectShift), _beneficiary[c]));
            }
        }
        setGroupStart[sets] = obligors.Count;
        groupEdgeStart.Add(edges.Count);
        for (var c = 0; c < local.Length; c++) Local(c);
        return new LaneLayout(setGroupStart, obligors.ToArray(), groupEdgeStart.ToArray(), edges.ToArray(), attackOf, involvementOf, local, graphId);
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
/// Edge sets → obligor groups → edges. Set s owns groups <c>SetGroupStart[s] .. SetGroupStart[s + 1]</c>; group g (one
/// obligor, <c>GroupObligor[g]</c>) owns edges <c>GroupEdgeStart[g] .. GroupEdgeStart[g + 1]</c>, in the order of the
/// closed graph. <c>AttackOf[o * n + a]</c> and <c>InvolvementOf[a * n + o]</c> are the events joiner o creates by
/// joining against aggressor a (-1: none). Edges name commitments by lane id; <c>LaneId</c> and <c>GraphId</c>
/// translate between lane and graph ids.
/// </summary>
internal sealed record LaneLayout(int[] SetGroupStart, int[] GroupObligor, int[] GroupEdgeStart, LaneEdge[] Edges, int[] AttackOf,
    int[] InvolvementOf, int[] LaneId, int[] GraphId);
