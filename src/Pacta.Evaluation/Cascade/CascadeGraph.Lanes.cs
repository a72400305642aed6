namespace Pacta.Evaluation.Cascade;

public sealed partial class CascadeGraph
{
    private LaneLayout? _laneLayout;

    /// <summary>
    /// For a closed graph: the edges of every edge set flattened into a few arrays (built once, shared by threads), so
    /// the lane kernel walks contiguous memory instead of one array per event, and events sharing a set share it.
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
        if (_obligations.Count > LaneEdge.MaxObligations) throw new InvalidOperationException("too many obligations for the lane layout");
        var n = States.Count;
        // Slots number the events of the closure (only they can be pushed), in the order a search from the start met
        // them where known: the kernel's per-event, per-set and per-obligation arrays then hold what early rounds
        // use side by side instead of scattered over the whole graph.
        var order = _closureOrder ?? Enumerable.Range(0, _events.Count).Where(ev => _derived![ev] is not null).ToList();
        var slotOf = new int[_events.Count];
        Array.Fill(slotOf, -1);
        for (var i = 0; i < order.Count; i++) slotOf[order[i]] = i;
        var slotSet = new int[order.Count];
        var slotAggressor = new int[order.Count];
        var localSet = new int[EdgeSetCount];
        Array.Fill(localSet, -1);
        var setGroupStart = new List<int>();
        var obligors = new List<int>();
        var groupEdgeStart = new List<int>();
        var edges = new List<LaneEdge>();
        // A joiner's derived events depend only on it and its enemy, so they are kept per pair (as slots, joiner
        // major: one joiner's pushes read one row), not per edge of every event.
        var derived = new int[2 * n * n];
        Array.Fill(derived, -1);
        // Lane ids number obligations in order of first appearance, so the obligations of an edge set sit side by
        // side in the kernel's per-obligation arrays.
        var local = new int[_obligations.Count];
        Array.Fill(local, -1);
        var graphId = new int[_obligations.Count];
        var next = 0;
        int Local(int c)
        {
            if (local[c] < 0) { local[c] = next; graphId[next++] = c; }
            return local[c];
        }
        for (var slot = 0; slot < order.Count; slot++)
        {
            var ev = order[slot];
            var list = _edges[ev] ?? [];
            var d = _derived![ev]!;
            var a = _attacker[ev];
            slotAggressor[slot] = a;
            for (var k = 0; k < list.Length; k++)
            {
                var o = _obligor[list[k]];
                if (d[2 * k] >= 0) derived[2 * (o * n + a)] = slotOf[d[2 * k]];
                if (d[2 * k + 1] >= 0) derived[2 * (o * n + a) + 1] = slotOf[d[2 * k + 1]];
            }
            var set = EdgeSetOf[ev];
            if (localSet[set] < 0)
            {
                localSet[set] = setGroupStart.Count;
                setGroupStart.Add(obligors.Count);
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
            slotSet[slot] = localSet[set];
        }
        setGroupStart.Add(obligors.Count);
        groupEdgeStart.Add(edges.Count);
        for (var c = 0; c < local.Length; c++) Local(c);
        return new LaneLayout(slotOf, slotSet, slotAggressor, setGroupStart.ToArray(), obligors.ToArray(), groupEdgeStart.ToArray(),
            edges.ToArray(), derived, local, graphId);
    }
}

/// <summary>One obligation of one event, 8 bytes: the obligation's lane id with its effect in the top bits, and its beneficiary.</summary>
internal readonly record struct LaneEdge(int Code, int Beneficiary)
{
    public const int EffectShift = 28;
    public const int MaxObligations = 1 << EffectShift;

    public int Obligation => Code & (MaxObligations - 1);
    public CascadeEffect Effect => (CascadeEffect)(Code >>> EffectShift);
}

/// <summary>
/// The closure's events as slots (<c>SlotOf</c>: graph event id → slot or -1), each with its edge set and attacker.
/// Edge sets → obligor groups → edges: set s owns groups <c>SetGroupStart[s] .. SetGroupStart[s + 1]</c>; group g (one
/// obligor, <c>GroupObligor[g]</c>) owns edges <c>GroupEdgeStart[g] .. GroupEdgeStart[g + 1]</c>, in the order of the
/// closed graph. <c>Derived[2 * (o * n + a)]</c> and <c>Derived[2 * (o * n + a) + 1]</c> are the slots of the events
/// joiner o creates by joining against attacker a, its counter-attack and its war involvement (-1: none). Edges name
/// obligations by lane id; <c>LaneId</c> and <c>GraphId</c> translate between lane and graph ids.
/// </summary>
internal sealed record LaneLayout(int[] SlotOf, int[] SlotSet, int[] SlotAggressor, int[] SetGroupStart, int[] GroupObligor,
    int[] GroupEdgeStart, LaneEdge[] Edges, int[] Derived, int[] LaneId, int[] GraphId)
{
    public int SlotCount => SlotSet.Length;
    public int SetCount => SetGroupStart.Length - 1;
}
