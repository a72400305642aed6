using Pacta.Domain;
using Pacta.Evaluation.Checks;

namespace Pacta.Evaluation.Cascade;

/// <summary>
/// Evaluates the attacks of a cascade with the what-if <see cref="Evaluator"/>, so cascades and what-if never
/// disagree. Only agreements the attacked state is (or is assumed to be) a party to can trigger for it, so each
/// victim gets an evaluator over just those agreements: the same answers, at a fraction of the cost.
/// </summary>
public sealed class CascadeSource
{
    private readonly Dictionary<int, List<Agreement>> _byState = new();
    private readonly Dictionary<int, Evaluator?> _byVictim = new();
    private readonly Dictionary<int, Location> _homes = new();

    /// <summary>
    /// A source over <paramref name="corpus"/>; its evaluators run <paramref name="checks"/> (default: <see cref="ClauseChecks.Default"/>);
    /// promises to fight are invoked by the rules of <paramref name="invocation"/> (default: <see cref="InvocationRules.None"/>).
    /// </summary>
    public CascadeSource(Corpus corpus, DateOnly day, Assumptions assumptions, ClauseChecks? checks = null, InvocationRules? invocation = null)
    {
        Invocation = new Invocation(corpus, day, assumptions, invocation ?? InvocationRules.None);
        Corpus = corpus;
        Day = day;
        Assumptions = assumptions;
        Checks = checks ?? ClauseChecks.Default;
        Full = new Evaluator(corpus, checks: Checks);
        var bound = corpus.Bound;
        foreach (var a in corpus.Agreements)
        {
            if (bound.IsRepresented(a)) continue;
            var on = bound.On(a, day, assumptions);
            // An imported alliance whose every phase row has ended binds nobody that day.
            if (!on.InForce || (a.Provisions.Count > 0 && !a.Provisions.Any(on.ProvisionInForce))) continue;
            var states = bound.EverParties(a).Concat(on.Parties.Where(p => p.Assumed).Select(p => p.State));
            foreach (var s in states.Distinct())
            {
                if (!_byState.TryGetValue(s, out var list)) _byState[s] = list = [];
                list.Add(a);
            }
        }
        PeaceObligations = Cascade.PeaceObligations.On(corpus, day, assumptions);
    }

    public Corpus Corpus { get; }

    /// <summary>Whether a triggered promise to fight is invoked on the facts of an event.</summary>
    public Invocation Invocation { get; }

    /// <summary>The checks every evaluator of this source runs; the attack table reads what they depend on.</summary>
    public ClauseChecks Checks { get; }

    public DateOnly Day { get; }
    public Assumptions Assumptions { get; }

    /// <summary>The evaluator over the whole corpus, for the scenario's own event (so its outcome is the what-if outcome).</summary>
    public Evaluator Full { get; }

    public IReadOnlyList<PeaceObligation> PeaceObligations { get; }

    public Location Home(State s)
    {
        lock (_homes)
        {
            if (!_homes.TryGetValue(s.Cow, out var l)) _homes[s.Cow] = l = HomeLocation.Of(Corpus, s);
            return l;
        }
    }

    /// <summary>The states some agreement in force (or assumed) can oblige others towards: the only possible victims with obligations.</summary>
    internal IEnumerable<int> Victims => _byState.Keys;

    /// <summary>The agreements that can trigger for an attack on <paramref name="cow"/> (in force or assumed, the state a party or assumed member).</summary>
    internal IReadOnlyList<Agreement> AgreementsOf(int cow) => _byState.TryGetValue(cow, out var list) ? list : [];

    /// <summary>The evaluator for attacks on <paramref name="cow"/> (null when it is party to nothing in force).</summary>
    internal Evaluator? EvaluatorFor(int cow)
    {
        lock (_byVictim)
            if (_byVictim.TryGetValue(cow, out var known)) return known;
        // Made outside the lock: the attack table's threads ask for different victims at once. Two threads asking for
        // the same one both make it; the first stored is kept, so every caller gets the same evaluator.
        var ev = _byState.TryGetValue(cow, out var list)
            ? new Evaluator(new Corpus(list, Corpus.Organizations, Corpus.Conflicts, Corpus.States, Corpus.Locations), Corpus.Bound, Checks)
            : null;
        lock (_byVictim)
            return _byVictim.TryAdd(cow, ev) ? ev : _byVictim[cow];
    }

    /// <summary>The obligations an event triggers (nothing when the victim is party to nothing in force).</summary>
    public IReadOnlyList<TriggeredObligation> Triggered(Event e) =>
        EvaluatorFor(e.Target.Cow) is { } ev ? StateObligors.Of(ev.Evaluate(e, Assumptions).Triggered) : [];
}
