using System.Collections.Concurrent;
using Pacta.Domain;

namespace Pacta.Evaluation.Drafts;

/// <summary>
/// What is owed to a battery scenario's target by the agreements in force without the draft: the baseline a
/// <see cref="DraftAssessment"/> compares the draft with. It depends on the corpus and on which agreement the draft
/// replaces (an earlier version with the same id), not on the draft's text or readings, so a warm server keeps one per
/// corpus and replaced id and a studio edit re-evaluates only the draft. Evaluators are built on first use; the results
/// are kept per event as the baseline sees it (target, attacker, place as the agreements in force tell it apart, day,
/// ceasefire, kind, the attributes they read), at most <see cref="MaxKept"/> of them.
/// </summary>
public sealed class Baselines
{
    /// <summary>At most this many baseline results are kept; past it the store starts afresh (the default battery of a bilateral guarantee needs a few hundred).</summary>
    public const int MaxKept = 20_000;

    private readonly Corpus _without;
    private readonly HashSet<string> _read;
    private readonly HashSet<string> _named;
    private readonly string[] _scopeItems;
    private readonly Lazy<Evaluator> _whole;
    private readonly ConcurrentDictionary<int, Lazy<Evaluator>> _byTarget = new();
    private readonly ConcurrentDictionary<(string, DateOnly), string> _placeKeys = new();
    private readonly ConcurrentDictionary<string, Lazy<List<DutyFound>>> _results = new(StringComparer.Ordinal);
    private int _made;

    /// <param name="corpus">The corpus a draft is read against.</param>
    /// <param name="replaced">The id of the agreement the draft replaces in <paramref name="corpus"/>, or null (<see cref="Replaced"/>).</param>
    /// <param name="fast">
    /// Share one baseline between places that no agreement in force tells apart (the same holder on the day, inside
    /// and outside the same scope items), and evaluate a target's baseline over only the agreements with a provision
    /// that can owe it something. Off, every place has its own baseline over the whole corpus: the plain path, kept to
    /// check the fast one against.
    /// </param>
    public Baselines(Corpus corpus, string? replaced, bool fast = true)
    {
        Corpus = corpus;
        ReplacedId = replaced;
        Fast = fast;
        _without = replaced is null ? corpus
            : new Corpus(corpus.Agreements.Where(a => a.Id != replaced), corpus.Organizations, corpus.Conflicts, corpus.States, corpus.Locations);
        _whole = new(() => new Evaluator(_without));
        var triggers = _without.Agreements.SelectMany(a => a.Provisions).Select(p => p.Trigger).OfType<Trigger>().ToList();
        _read = [.. triggers.SelectMany(t => (t.Threshold?.Attributes ?? []).Concat(t.VoidIf.Select(v => v.Attribute)))];
        _named = [.. _without.Agreements.SelectMany(a => a.Related).Select(r => r.Agreement)];
        // The scope check is the only one that reads the place (beyond its holder, which the event scene derives):
        // these are every include and exclude item it can test against the baseline's agreements.
        _scopeItems = [.. triggers.Select(t => t.Scope).OfType<Scope>()
            .SelectMany(x => x.Include.Concat(x.Exclude)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The id a draft read against <paramref name="corpus"/> replaces: its own, when the corpus has an agreement with it.</summary>
    public static string? Replaced(Corpus corpus, string draftId) => corpus.Agreement(draftId) is null ? null : draftId;

    /// <summary>The corpus as given (with the replaced agreement, if any).</summary>
    public Corpus Corpus { get; }

    /// <summary>The id of the agreement left out of the baseline, or null when the draft replaces none.</summary>
    public string? ReplacedId { get; }

    public bool Fast { get; }

    /// <summary>The agreements in force without the draft.</summary>
    public Corpus Without => _without;

    /// <summary>How many distinct baselines have been evaluated and are kept.</summary>
    public int Count => _results.Count;

    /// <summary>Whether an agreement in force names <paramref name="id"/> (supersedes, same-as, …).</summary>
    public bool Names(string id) => _named.Contains(id);

    /// <summary>What is owed to the target of <paramref name="e"/> without the draft, evaluated once per event as the agreements in force see it.</summary>
    public List<DutyFound> Owed(BatteryScenario s, Event e, AssumedCeasefire[] ceasefires)
    {
        // Only the attributes some agreement in force reads can change the baseline.
        var plain = e with { Attributes = s.Attributes.Known.Where(a => _read.Contains(a.Key)).Aggregate(EventAttributes.None, (x, a) => x.With(a.Key, a.Value)) };
        var ceasefire = string.Join(',', ceasefires.Select(c => $"{c.Conflict}@{c.From:yyyy-MM-dd}"));
        var key = $"{s.Target.Cow}|{s.Attacker.Cow}|{PlaceKey(s.Place, s.Date)}|{s.Date}|{ceasefire}|{s.Kind}|{plain.Attributes}";
        if (_results.TryGetValue(key, out var kept)) return kept.Value;
        if (Interlocked.Increment(ref _made) > MaxKept)
        {
            _results.Clear();
            Interlocked.Exchange(ref _made, 0);
        }
        return _results.GetOrAdd(key, _ => new Lazy<List<DutyFound>>(() =>
            DraftAssessment.Owed(For(s.Target).Evaluate(plain, new Assumptions(ceasefires, [], [])), s.Target))).Value;
    }

    /// <summary>
    /// What the baseline can see of a place on a day: its holder (as <see cref="Checks.EventScene"/> finds it) and which
    /// scope items of the agreements in force it lies in. Two places with the same key give the same baseline.
    /// </summary>
    private string PlaceKey(Location place, DateOnly day)
    {
        if (!Fast) return place.Code;
        return _placeKeys.GetOrAdd((place.Code, day), _ =>
        {
            var locations = _without.Locations;
            var historical = place.SovereignCow is null ? locations.HistoricalHolders(place, day) : null;
            var sb = new System.Text.StringBuilder();
            sb.Append(place.SovereignCow).Append('/').Append(place.Sovereign).Append('/')
                .Append(historical is null ? "-" : string.Join(',', historical)).Append('/');
            foreach (var item in _scopeItems) sb.Append(locations.Matches(place, item) ? '1' : '0');
            return sb.ToString();
        });
    }

    /// <summary>
    /// The baseline evaluator for one target. Only what is owed to the target is kept, and an obligation is owed to
    /// the event's target or to states it names; an agreement with no triggered provision of either kind naming the
    /// target cannot add to the baseline, so it is left out. Who is bound (successors, same-as) is still decided over
    /// the whole corpus, as for the cascade's per-victim evaluators.
    /// </summary>
    private Evaluator For(State target)
    {
        if (!Fast) return _whole.Value;
        return _byTarget.GetOrAdd(target.Cow, cow => new Lazy<Evaluator>(() =>
        {
            var owing = _without.Agreements.Where(a => a.Provisions.Any(p => p.Trigger is not null && p.Obligations.Any(o =>
                o.Beneficiary.Kind == SelectorKind.Target || (o.Beneficiary.Kind == SelectorKind.States && o.Beneficiary.States.Contains(cow)))));
            return new Evaluator(new Corpus(owing, _without.Organizations, _without.Conflicts, _without.States, _without.Locations), _without.Bound);
        })).Value;
    }
}
