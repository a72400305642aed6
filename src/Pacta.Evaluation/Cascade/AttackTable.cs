using Pacta.Domain;
using Pacta.Evaluation.Checks;

namespace Pacta.Evaluation.Cascade;

/// <summary>
/// The obligations an attack (or a war involvement) on a state's own territory triggers, for every attacker at once,
/// as obligation ids of the <see cref="CascadeGraph"/>s it is attached to. Of "X attacks V at V's home" only the
/// trigger checks that declare <see cref="CheckDependency.Attacker"/> and "the attacker owes nothing against itself"
/// depend on X. So each victim and kind is evaluated once, by the same <see cref="Evaluator"/> as every cascade, with
/// a stand-in attacker that is nobody's party and named by nothing, and X's obligations are that list less the ones
/// X as obligor or an attacker-dependent check, run again for X, rules out. Attackers such a check names
/// (<see cref="ClauseCheck.NamedAttackers"/>) are evaluated in full when their trigger could oblige anyone but
/// themselves. Read-only once built, so the threads of an exposure matrix share one.
/// </summary>
public sealed class AttackTable
{
    // COW codes are positive: the stand-in is party to nothing and named by no trigger or obligation.
    private static readonly State StandIn = new(-1, "ANY", null, null, "an attacker party to nothing (stand-in)", []);

    /// <summary>The event kinds the table answers (the ones cascades create at a victim's home).</summary>
    public static readonly IReadOnlyList<TriggerKind> Kinds = [TriggerKind.ArmedAttack, TriggerKind.WarInvolvement];

    private readonly Row[] _rows;
    private readonly string[] _homes;
    private readonly CascadeObligation[] _obligations;

    private AttackTable(CascadeSource source, int firstId, CascadeObligation[] obligations, Row[] rows, string[] homes)
    {
        Source = source;
        FirstId = firstId;
        _obligations = obligations;
        _rows = rows;
        _homes = homes;
    }

    public CascadeSource Source { get; }

    /// <summary>The id of the first triggered obligation (the ones before are standing non-aggression promises).</summary>
    public int FirstId { get; }

    /// <summary>The obligations the table refers to, id <see cref="FirstId"/> first.</summary>
    public IReadOnlyList<CascadeObligation> Obligations => _obligations;

    /// <summary>
    /// Evaluates every state of <paramref name="g"/>'s registry as a victim (in parallel) and registers the obligations
    /// in <paramref name="g"/>, in state order so the ids do not depend on the threads. <paramref name="g"/> must not
    /// have evaluated any event yet, so that every fresh graph over the same source gets the same ids.
    /// </summary>
    public static AttackTable Build(CascadeGraph g, int threads = 0)
    {
        if (g.EventCount > 0) throw new InvalidOperationException("build the attack table on a graph that has not evaluated any event");
        var source = g.Source;
        var n = g.StateCount;
        var kinds = Kinds.Count;
        var homes = new Location[n];
        for (var v = 0; v < n; v++) homes[v] = source.Home(g.States[v]);
        // The checks to run again per attacker: those that say they read the attacker.
        var byAttacker = source.Checks.Trigger.Where(c => (c.DependsOn & CheckDependency.Attacker) != 0).ToArray();

        // Evaluation, the costly part, in parallel; one slot per victim and kind.
        var neutral = new IReadOnlyList<TriggeredObligation>[n * kinds];
        var named = new List<(int Attacker, IReadOnlyList<TriggeredObligation> Triggered)>?[n * kinds];
        var workers = Math.Max(1, threads > 0 ? threads : Environment.ProcessorCount);
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = workers }, v =>
        {
            var victim = g.States[v];
            if (source.EvaluatorFor(victim.Cow) is not { } ev) return;
            var attackers = NamedAttackers(byAttacker, source.AgreementsOf(victim.Cow), victim.Cow).Where(g.Has).Select(g.IndexOf).ToList();
            // Per kind, the stand-in then each named attacker: one evaluation of the victim's agreements for them all.
            var events = new List<Event>(kinds * (1 + attackers.Count));
            for (var k = 0; k < kinds; k++)
            {
                events.Add(new Event(Kinds[k], StandIn, victim, source.Day, null, homes[v]));
                foreach (var x in attackers) events.Add(new Event(Kinds[k], g.States[x], victim, source.Day, null, homes[v]));
            }
            var triggered = ev.TriggeredEach(events, source.Assumptions);
            for (var k = 0; k < kinds; k++)
            {
                var at = k * (1 + attackers.Count);
                neutral[v * kinds + k] = StateObligors.Of(triggered[at]);
                for (var i = 0; i < attackers.Count; i++)
                    (named[v * kinds + k] ??= []).Add((attackers[i], StateObligors.Of(triggered[at + 1 + i])));
            }
        });

        // Ids, in a fixed order.
        var first = g.ObligationCount;
        // What an attacker-dependent check rules out for a provision does not depend on the victim or the kind unless
        // the check reads them too: worked out once per check and provision then.
        const CheckDependency perEvent = CheckDependency.Target | CheckDependency.Location | CheckDependency.EventKind | CheckDependency.EventAttributes;
        var shared = new Dictionary<(ClauseCheck, string Agreement, string Provision), bool[]?>();
        var scenes = new Dictionary<int, EventScene[]>();
        var empty = new Row([], [], [], null);
        var rows = new Row[n * kinds];
        for (var slot = 0; slot < rows.Length; slot++)
        {
            if (neutral[slot] is not { } list)
            {
                rows[slot] = empty;
                continue;
            }
            var v = slot / kinds;
            var ids = new List<int>(list.Count);
            var ruledOut = new List<bool[]?>(list.Count);
            var seen = new HashSet<int>();
            foreach (var t in list)
            {
                var id = g.Register(t);
                if (!seen.Add(id)) continue;
                ids.Add(id);
                bool[]? r = null;
                foreach (var c in byAttacker)
                {
                    bool[]? x;
                    if ((c.DependsOn & perEvent) != 0) x = RuledOut(c, t, v, slot % kinds);
                    else if (!shared.TryGetValue((c, t.Agreement.Id, t.Provision.Id), out x))
                        shared[(c, t.Agreement.Id, t.Provision.Id)] = x = RuledOut(c, t, v, slot % kinds);
                    r = Or(r, x);
                }
                ruledOut.Add(r);
            }
            Dictionary<int, int[]>? full = null;
            foreach (var (x, triggered) in named[slot] ?? [])
                (full ??= [])[x] = triggered.Select(g.Register).Distinct().ToArray();
            rows[slot] = new Row([.. ids], [.. ids.Select(id => g.ObligorOf[id])], [.. ruledOut], full);
        }
        var obligations = Enumerable.Range(first, g.ObligationCount - first).Select(g.Obligation).ToArray();
        var table = new AttackTable(source, first, obligations, rows, [.. homes.Select(h => h.Code)]);
        g.Attach(table);
        return table;

        // The attackers (graph indexes) for whom the check is not met on the obligation's provision; null: none.
        bool[]? RuledOut(ClauseCheck c, TriggeredObligation t, int v, int k)
        {
            var victim = g.States[v];
            var ev = source.EvaluatorFor(victim.Cow)!;
            // Every attacker, the victim too: a list shared between victims must hold for each of them. The scenes
            // serve every provision of the victim and kind.
            if (!scenes.TryGetValue(v * kinds + k, out var s))
                scenes[v * kinds + k] = s = ev.Scenes(new Event(Kinds[k], StandIn, victim, source.Day, null, homes[v]), g.States, source.Assumptions);
            return ev.NotMetFor(c, s, t.Agreement, t.Provision);
        }

        static bool[]? Or(bool[]? a, bool[]? b)
        {
            if (a is null) return b;
            if (b is null) return a;
            var c = new bool[a.Length];
            for (var i = 0; i < c.Length; i++) c[i] = a[i] || b[i];
            return c;
        }
    }

    /// <summary>
    /// Attackers that an attacker-dependent check names in a trigger that could oblige a state other than themselves.
    /// ATOP codes each member's non-aggression promise as "this member attacks, this member owes": it never yields an
    /// obligation, so it does not make its member an attacker to evaluate.
    /// </summary>
    private static IEnumerable<int> NamedAttackers(ClauseCheck[] byAttacker, IReadOnlyList<Agreement> agreements, int victim)
    {
        var set = new SortedSet<int>();
        foreach (var a in agreements)
        {
            foreach (var p in a.Provisions)
            {
                if (p.Trigger is null) continue;
                foreach (var c in byAttacker)
                    foreach (var x in c.NamedAttackers(p))
                        if (x != victim && p.Obligations.Any(o => !(o.Obligor.Kind == SelectorKind.States && o.Obligor.States.All(y => y == x)))) set.Add(x);
            }
        }
        return set;
    }

    /// <summary>
    /// The obligation ids an event triggers, in the Evaluator's order; null when the table does not answer it (another
    /// kind, or a place other than the victim's home). The array may be shared: do not modify it.
    /// </summary>
    internal int[]? Edges(CascadeEvent e)
    {
        var k = Slot(e.Kind);
        if (k < 0 || e.Location.Code != _homes[e.Target]) return null;
        return Edges(_rows[e.Target * Kinds.Count + k], e.Attacker);
    }

    private static int[] Edges(Row row, int attacker)
    {
        if (row.Named is { } named && named.TryGetValue(attacker, out var full)) return full;
        var ids = row.Ids;
        var i = 0;
        while (i < ids.Length && !row.Drops(i, attacker)) i++;
        // Most attackers rule nothing out: they share the victim's list.
        if (i == ids.Length) return ids;
        var kept = new int[ids.Length];
        Array.Copy(ids, kept, i);
        var count = i;
        for (i++; i < ids.Length; i++)
            if (!row.Drops(i, attacker)) kept[count++] = ids[i];
        return kept[..count];
    }

    /// <summary>The obligations "<paramref name="attacker"/> attacks <paramref name="victim"/> at home" triggers, in order.</summary>
    public IReadOnlyList<CascadeObligation> Triggered(TriggerKind kind, int attacker, int victim)
    {
        var k = Slot(kind);
        if (k < 0) throw new ArgumentException($"the table does not answer events of kind {Words.Of(kind)}", nameof(kind));
        if (attacker == victim) throw new ArgumentException("a state does not attack itself", nameof(attacker));
        return [.. Edges(_rows[victim * Kinds.Count + k], attacker).Select(id => _obligations[id - FirstId])];
    }

    private static int Slot(TriggerKind kind) => kind switch
    {
        TriggerKind.ArmedAttack => 0,
        TriggerKind.WarInvolvement => 1,
        _ => -1,
    };

    /// <summary>
    /// One victim and kind: the stand-in's obligations, each obligor (graph index) and the attackers its trigger does
    /// not answer (null: any attacker), and the attackers evaluated in full.
    /// </summary>
    private sealed class Row(int[] ids, int[] obligors, bool[]?[] ruledOut, Dictionary<int, int[]>? named)
    {
        public readonly int[] Ids = ids;
        public readonly Dictionary<int, int[]>? Named = named;

        public bool Drops(int i, int attacker) => obligors[i] == attacker || (ruledOut[i] is { } r && r[attacker]);
    }
}
