using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

public sealed partial class CascadeGraph
{
    /// <summary>
    /// <see cref="Close"/> for many cascades at once (an exposure matrix): expands every event reachable from
    /// <paramref name="seeds"/>, whichever obligations are honoured, then freezes the graph so threads can share it.
    /// Events answered by an <see cref="AttackTable"/> mostly share their victim's obligation array, so the ordering
    /// by obligor and the edge set are worked out once per array (events with equal arrays that are distinct objects
    /// get distinct edge sets, which only skips less).
    /// </summary>
    public void CloseOver(IEnumerable<int> seeds)
    {
        if (Closed) return;
        if (Options.JoinerAttacks == JoinerAttacks.AllEnemies)
            throw new InvalidOperationException("a graph for joiner-attacks all-enemies cannot be closed; run it lazily");
        var seen = new bool[Math.Max(64, _events.Count)];
        var work = new Stack<int>();
        void Visit(int ev)
        {
            if (ev >= seen.Length) Array.Resize(ref seen, Math.Max(2 * seen.Length, ev + 1));
            if (seen[ev]) return;
            seen[ev] = true;
            work.Push(ev);
        }
        foreach (var ev in seeds) Visit(ev);
        while (work.Count > 0)
        {
            var ev = work.Pop();
            var enemy = _attacker[ev];
            foreach (var c in Edges(ev))
            {
                if (_effect[c] != (byte)CascadeEffect.Fight) continue;
                if (Options.JoinerAttacks == JoinerAttacks.CounterAttack) Visit(EventId(TriggerKind.ArmedAttack, _obligor[c], enemy));
                Visit(EventId(TriggerKind.WarInvolvement, enemy, _obligor[c]));
            }
        }

        var count = _events.Count;
        var frozen = new Dictionary<int[], (int[] Sorted, int[] Ends, int Set)>(ReferenceEqualityComparer.Instance);
        var edgeSets = new int[count];
        var groupEnd = new int[count][];
        var derived = new int[count][];
        for (var ev = 0; ev < count; ev++)
        {
            var raw = _edges[ev] ?? [];
            if (!frozen.TryGetValue(raw, out var f)) frozen[raw] = f = Freeze(raw, frozen.Count);
            _edges[ev] = f.Sorted;
            groupEnd[ev] = f.Ends;
            edgeSets[ev] = f.Set;
        }
        var attacks = _homeEvents[(int)TriggerKind.ArmedAttack];
        var involvements = _homeEvents[(int)TriggerKind.WarInvolvement]!;
        var n = States.Count;
        for (var ev = 0; ev < count; ev++)
        {
            if (ev >= seen.Length || !seen[ev]) continue;
            var edges = _edges[ev]!;
            var enemy = _attacker[ev];
            var d = new int[edges.Length * 2];
            for (var i = 0; i < edges.Length; i++)
            {
                var c = edges[i];
                d[2 * i] = d[2 * i + 1] = -1;
                if (_effect[c] != (byte)CascadeEffect.Fight) continue;
                var o = _obligor[c];
                // The expansion created these at home, so they are in the by-pair arrays.
                if (Options.JoinerAttacks == JoinerAttacks.CounterAttack) d[2 * i] = Useful(attacks![o * n + enemy] - 1);
                d[2 * i + 1] = Useful(involvements[enemy * n + o] - 1);
            }
            derived[ev] = d;
        }
        EdgeSetOf = edgeSets;
        EdgeSetCount = frozen.Count;
        _groupEnd = groupEnd;
        _derived = derived;
        Closed = true;

        // Events that trigger nothing are not worth queueing.
        int Useful(int id) => _edges[id]!.Length > 0 ? id : -1;
    }

    /// <summary>An edge array ordered by obligor (stable), with the end of each obligor's group.</summary>
    private (int[] Sorted, int[] Ends, int Set) Freeze(int[] raw, int set)
    {
        var keys = new long[raw.Length];
        for (var i = 0; i < raw.Length; i++) keys[i] = ((long)_obligor[raw[i]] << 32) | (uint)i;
        Array.Sort(keys);
        var sorted = new int[raw.Length];
        for (var i = 0; i < raw.Length; i++) sorted[i] = raw[(int)(keys[i] & 0xFFFFFFFF)];
        var ends = new int[raw.Length];
        for (var i = raw.Length - 1; i >= 0; i--)
            ends[i] = i + 1 < raw.Length && _obligor[sorted[i + 1]] == _obligor[sorted[i]] ? ends[i + 1] : i + 1;
        return (sorted, ends, set);
    }
}
