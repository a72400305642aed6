using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

/// <summary>
/// Who owes whom what on one day, as integers: states are indexes into <see cref="States"/>; each evaluated event
/// lists the obligations it triggers. Events are evaluated lazily (deterministic runs, exposure matrices) or
/// expanded up front to a closed graph (<see cref="Close"/>) so Monte Carlo trials never evaluate or allocate.
/// A graph that is not closed is for one thread; a closed graph is read-only and may be shared.
/// </summary>
public sealed partial class CascadeGraph
{
    private readonly Dictionary<int, int> _index = new();
    // Keyed on the obligation's stable id (agreement, provision, place in the provision: StableIds), so that an edit
    // that only moves lines keeps every id; a standing peace promise has place -1. The file position is a last resort
    // for an obligation that is not one of its provision's own (place 0), and is 0:0 otherwise.
    private readonly Dictionary<(string, string, int, int, int, int, int), int> _obligationIds = new();
    private readonly Dictionary<(TriggerKind, int, int, string), int> _eventIds = new();
    private readonly List<CascadeObligation> _obligations = [];
    private readonly int[]?[] _homeEvents = new int[]?[Enum.GetValues<TriggerKind>().Length];
    private readonly List<CascadeEvent> _events = [];
    private readonly List<int[]?> _edges = [];
    private int[] _obligor = new int[64];
    private int[] _beneficiary = new int[64];
    private byte[] _effect = new byte[64];
    private int[] _attacker = new int[64];
    private int[] _peaceStart = [];
    private int[] _peace = [];

    public CascadeGraph(CascadeSource source, CascadeOptions options)
    {
        Source = source;
        Options = options;
        States = source.Corpus.States.All;
        for (var i = 0; i < States.Count; i++) _index[States[i].Cow] = i;
        IsMajor = new bool[States.Count];
        BuildPeace();
    }

    public CascadeSource Source { get; }
    public CascadeOptions Options { get; }
    public IReadOnlyList<State> States { get; }
    public DateOnly Day => Source.Day;

    /// <summary>Major powers (set by the caller from COW's list); used by statistics only.</summary>
    public bool[] IsMajor { get; }

    /// <summary>True once <see cref="Close"/> has run: no more events will be created or evaluated.</summary>
    public bool Closed { get; private set; }

    public int StateCount => States.Count;

    // Hot arrays read by the cascade kernel (index = obligation id / event id).
    internal int[] ObligorOf => _obligor;
    internal int[] BeneficiaryOf => _beneficiary;
    internal byte[] EffectOf => _effect;
    internal int[] AttackerOf => _attacker;
    public int EventCount => _events.Count;
    public int ObligationCount => _obligations.Count;

    public int IndexOf(int cow) => _index.TryGetValue(cow, out var i) ? i : throw new ArgumentException($"COW {cow} is not in the state registry");

    internal bool Has(int cow) => _index.ContainsKey(cow);

    /// <summary>Answers events at a victim's home without evaluating them (see <see cref="Attach"/>).</summary>
    public AttackTable? Table { get; private set; }

    /// <summary>
    /// Lets <paramref name="table"/> answer this graph's events at a victim's home: its obligations are registered
    /// first, so they get the ids the table refers to (checked).
    /// </summary>
    public void Attach(AttackTable table)
    {
        if (table.Source != Source) throw new ArgumentException("the attack table was built over another source", nameof(table));
        for (var i = 0; i < table.Obligations.Count; i++)
            if (ObligationFor(table.Obligations[i].Triggered!) != table.FirstId + i)
                throw new InvalidOperationException("the attack table's obligation ids do not match this graph's; attach it before evaluating any event");
        Table = table;
    }

    internal int Register(TriggeredObligation t) => ObligationFor(t);

    public CascadeObligation Obligation(int id) => _obligations[id];
    public CascadeEvent Event(int id) => _events[id];

    /// <summary>Every obligation met so far, by id.</summary>
    public IReadOnlyList<CascadeObligation> Obligations => _obligations;

    /// <summary>The standing non-aggression promises of a state (obligation ids), for the "stay out" rule.</summary>
    public ReadOnlySpan<int> PeaceObligationsOf(int state) => _peace.AsSpan(_peaceStart[state], _peaceStart[state + 1] - _peaceStart[state]);

    /// <summary>The event for an attack on <paramref name="victim"/>'s own territory (or <paramref name="location"/>).</summary>
    public int EventId(TriggerKind kind, int aggressor, int victim, Location? location = null)
    {
        // Cascades ask for attacks at home all the time: an array lookup instead of a string-keyed one.
        if (location is null)
        {
            var byPair = _homeEvents[(int)kind] ??= new int[States.Count * States.Count];
            ref var slot = ref byPair[aggressor * States.Count + victim];
            if (slot == 0) slot = EventId(kind, aggressor, victim, Source.Home(States[victim])) + 1;
            return slot - 1;
        }
        var loc = location ?? Source.Home(States[victim]);
        var key = (kind, aggressor, victim, loc.Code);
        if (_eventIds.TryGetValue(key, out var id)) return id;
        if (Closed) throw new InvalidOperationException("the graph is closed; the event was not expanded");
        id = _events.Count;
        _events.Add(new CascadeEvent(id, kind, aggressor, victim, loc));
        Grow(ref _attacker, id);
        _attacker[id] = aggressor;
        _edges.Add(null);
        _eventIds[key] = id;
        return id;
    }

    /// <summary>The obligations an event triggers, evaluating it on first use.</summary>
    public int[] Edges(int eventId)
    {
        if (_edges[eventId] is { } done) return done;
        var e = _events[eventId];
        var arr = Table?.Edges(e)
            ?? Source.Triggered(new Event(e.Kind, States[e.Attacker], States[e.Target], Day, null, e.Location)).Select(ObligationFor).Distinct().ToArray();
        arr = Invoke(eventId, arr);
        _edges[eventId] = arr;
        return arr;
    }

    /// <summary>Evaluates the events of a whole outcome (the scenario's own event, evaluated on the full corpus).</summary>
    public int EventFrom(Outcome outcome)
    {
        var e = outcome.Event;
        var id = EventId(e.Kind, IndexOf(e.Attacker.Cow), IndexOf(e.Target.Cow), e.Location);
        _edges[id] ??= Invoke(id, StateObligors.Of(outcome.Triggered).Select(ObligationFor).Distinct().ToArray());
        return id;
    }

    private int ObligationFor(TriggeredObligation t)
    {
        var number = StableIds.ObligationNumber(t.Provision, t.Obligation);
        var at = number == 0 ? t.Obligation.Position : Position.None;
        var key = (t.Agreement.Id, t.Provision.Id, number, at.Line, at.Column, t.Obligor.Cow, t.Beneficiary.Cow);
        if (_obligationIds.TryGetValue(key, out var id)) return id;
        id = _obligations.Count;
        bool Concerns(Condition c) => c.States.Count == 0 || c.States.Contains(t.Obligor.Cow);
        var conditional = t.Conditions.Any(c => CascadeOptions.EscapeConditions.Contains(c.Kind) && Concerns(c));
        var carveOut = !Options.CarveOutFights && t.Conditions.Any(c => c.Kind == ConditionKind.NeutralityCarveOut && Concerns(c));
        Add(new CascadeObligation(id, t.Agreement, t.Provision, t.Obligor, t.Beneficiary,
            carveOut ? CascadeEffect.Support : Classify(t.Provision.Kind, t.Obligation.Strength, conditional), t.Obligation.Strength, conditional, t));
        _obligationIds[key] = id;
        return id;
    }

    private static void Grow<T>(ref T[] a, int id)
    {
        if (id >= a.Length) Array.Resize(ref a, Math.Max(a.Length * 2, id + 1));
    }

    private int Add(CascadeObligation k)
    {
        _obligations.Add(k);
        Grow(ref _obligor, k.Id);
        Grow(ref _beneficiary, k.Id);
        Grow(ref _effect, k.Id);
        _obligor[k.Id] = _index[k.Obligor.Cow];
        _beneficiary[k.Id] = _index[k.Beneficiary.Cow];
        _effect[k.Id] = (byte)k.Effect;
        return k.Id;
    }

    private CascadeEffect Classify(ProvisionKind kind, Strength strength, bool conditional)
    {
        switch (kind)
        {
            case ProvisionKind.Neutrality or ProvisionKind.NonAggression:
                return CascadeEffect.StayOut;
            // A duty to consult obliges talks, not support (docs/model.md: kind consultation, strength consultative).
            case ProvisionKind.Consultation:
                return CascadeEffect.Consult;
            case ProvisionKind.Defense or ProvisionKind.Offense:
                if (strength == Strength.Consultative) return CascadeEffect.Consult;
                if (strength == Strength.Discretionary && !Options.DiscretionaryFights) return CascadeEffect.Support;
                if (conditional && Options.Conditional == ConditionalObligations.Support) return CascadeEffect.Support;
                return CascadeEffect.Fight;
            default:
                return strength == Strength.Consultative ? CascadeEffect.Consult : CascadeEffect.Support;
        }
    }

    private void BuildPeace()
    {
        var byObligor = new List<int>[States.Count];
        foreach (var p in Source.PeaceObligations)
        {
            if (!_index.TryGetValue(p.Obligor, out var o) || !_index.TryGetValue(p.Beneficiary, out var b)) continue;
            var key = (p.Agreement.Id, p.Provision.Id, -1, 0, 0, p.Obligor, p.Beneficiary);
            if (_obligationIds.ContainsKey(key)) continue;
            var id = _obligations.Count;
            Add(new CascadeObligation(id, p.Agreement, p.Provision, States[o], States[b], CascadeEffect.StayOut, Strength.Automatic, false, null));
            _obligationIds[key] = id;
            (byObligor[o] ??= []).Add(id);
        }
        _peaceStart = new int[States.Count + 1];
        var all = new List<int>();
        for (var s = 0; s < States.Count; s++)
        {
            _peaceStart[s] = all.Count;
            if (byObligor[s] is { } l) all.AddRange(l);
        }
        _peaceStart[States.Count] = all.Count;
        _peace = all.ToArray();
    }

    /// <summary>
    /// Expands every event any cascade from <paramref name="start"/> could reach, whichever obligations are honoured,
    /// then freezes the graph. Only the counter-attack and no-attack rules have a closure independent of the run.
    /// </summary>
    public void Close(CascadeStart start)
    {
        if (Closed) return;
        if (Options.JoinerAttacks == JoinerAttacks.AllEnemies)
            throw new InvalidOperationException("a graph for joiner-attacks all-enemies cannot be closed; run it lazily");
        var queue = new Queue<int>(start.Events(this));
        var seen = new HashSet<int>(queue);
        var order = new List<int>();
        while (queue.Count > 0)
        {
            var ev = queue.Dequeue();
            order.Add(ev);
            var e = Event(ev);
            foreach (var c in Edges(ev))
            {
                var k = Obligation(c);
                if (k.Effect != CascadeEffect.Fight) continue;
                var o = IndexOf(k.Obligor.Cow);
                foreach (var next in Derived(o, e.Attacker))
                    if (seen.Add(next)) queue.Enqueue(next);
            }
        }
        {
            var sets = new Dictionary<string, int>(StringComparer.Ordinal);
            EdgeSetOf = new int[_events.Count];
            _groupEnd = new int[_events.Count][];
            for (var ev = 0; ev < _events.Count; ev++)
            {
                // Grouped by obligor (stable, so each obligor's obligations keep their order) so that a trial skips
                // every obligation of a state already at war with one test.
                var sorted = (_edges[ev] ?? []).Select((c, i) => (c, i)).OrderBy(x => _obligor[x.c]).ThenBy(x => x.i).Select(x => x.c).ToArray();
                _edges[ev] = sorted;
                var ends = new int[sorted.Length];
                for (var i = sorted.Length - 1; i >= 0; i--)
                    ends[i] = i + 1 < sorted.Length && _obligor[sorted[i + 1]] == _obligor[sorted[i]] ? ends[i + 1] : i + 1;
                _groupEnd[ev] = ends;
                var key = string.Join(',', _edges[ev]!);
                if (!sets.TryGetValue(key, out var id)) sets[key] = id = sets.Count;
                EdgeSetOf[ev] = id;
            }
            EdgeSetCount = sets.Count;
            _derived = new int[_events.Count][];
            foreach (var ev in seen)
            {
                var e = _events[ev];
                var edges = _edges[ev]!;
                var d = new int[edges.Length * 2];
                for (var i = 0; i < edges.Length; i++)
                {
                    var k = _obligations[edges[i]];
                    d[2 * i] = d[2 * i + 1] = -1;
                    if (k.Effect != CascadeEffect.Fight) continue;
                    var o = _index[k.Obligor.Cow];
                    // Events that trigger nothing are not worth queueing.
                    int Useful(int id) => _edges[id]!.Length > 0 ? id : -1;
                    d[2 * i] = Options.JoinerAttacks == JoinerAttacks.CounterAttack ? Useful(_eventIds[(TriggerKind.ArmedAttack, o, e.Attacker, Source.Home(States[e.Attacker]).Code)]) : -1;
                    d[2 * i + 1] = Useful(_eventIds[(TriggerKind.WarInvolvement, e.Attacker, o, Source.Home(States[o]).Code)]);
                }
                _derived[ev] = d;
            }
            _closureOrder = order;
            Closed = true;
        }
    }

    private int[][]? _derived;

    // The events of the closure in the order a breadth-first search from the start met them (graphs closed for one
    // start), so that the lane layout can put the events of early rounds, the ones most trials meet, side by side.
    private List<int>? _closureOrder;
    private int[][] _groupEnd = [];

    /// <summary>For a closed graph: for each edge of an event, the index after the last edge with the same obligor.</summary>
    internal int[] GroupEnd(int eventId) => _groupEnd[eventId];

    /// <summary>For a closed graph: the edge set of each event; events with equal obligations share one.</summary>
    internal int[] EdgeSetOf { get; private set; } = [];

    public int EdgeSetCount { get; private set; }

    /// <summary>
    /// For a closed graph: the events a joiner drawn in by edge <paramref name="edgeIndex"/> of event
    /// <paramref name="eventId"/> creates (its counter-attack, then its war involvement; -1 for none).
    /// </summary>
    internal (int Attack, int Involvement) DerivedOf(int eventId, int edgeIndex)
    {
        var d = _derived![eventId];
        return (d[2 * edgeIndex], d[2 * edgeIndex + 1]);
    }

    /// <summary>
    /// For a closed graph: the obligations a cascade from its start can act on, those of the closure's events and the
    /// standing peace promises (each once).
    /// </summary>
    internal IEnumerable<int> InvocableObligations()
    {
        if (!Closed) throw new InvalidOperationException("the graph must be closed first");
        var seen = new bool[_obligations.Count];
        for (var ev = 0; ev < _events.Count; ev++)
        {
            if (_derived![ev] is null) continue;
            foreach (var c in _edges[ev]!)
                if (!seen[c]) { seen[c] = true; yield return c; }
        }
        foreach (var c in _peace)
            if (!seen[c]) { seen[c] = true; yield return c; }
    }

    /// <summary>The events a state creates by joining against <paramref name="enemy"/> (lazy graphs).</summary>
    internal IEnumerable<int> Derived(int joiner, int enemy)
    {
        if (Options.JoinerAttacks != JoinerAttacks.None) yield return EventId(TriggerKind.ArmedAttack, joiner, enemy);
        yield return EventId(TriggerKind.WarInvolvement, enemy, joiner);
    }
}
