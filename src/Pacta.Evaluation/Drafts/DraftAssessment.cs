using Pacta.Domain;

namespace Pacta.Evaluation.Drafts;

/// <summary>One obligation a scenario triggers, as the assessment reports it.</summary>
public sealed record DutyFound(
    string Agreement,
    string Provision,
    State Obligor,
    string? Organization,
    string Action,
    Strength Strength,
    Bindingness Bindingness,
    string? Deadline,
    string? DeadlineText,
    bool Undecided,
    IReadOnlyList<string> UndecidedBy)
{
    /// <summary>Who owes, in the reports' words (the organization's id in upper case for an organization obligor).</summary>
    public string Who => Organization?.ToUpperInvariant() ?? Obligor.Code;

    /// <summary>The same obligation across two versions of a draft.</summary>
    public string Key => $"{Agreement}/{Provision}/{Who}";
}

/// <summary>Whether anyone owes the target more than consultation: yes, only if unstated facts go the right way, or no.</summary>
public enum Coverage { Covered, Undecided, Gap }

/// <summary>What one scenario gives with the draft adopted, and what it adds over the agreements in force without it.</summary>
public sealed record ScenarioResult(
    BatteryScenario Scenario,
    IReadOnlyList<DutyFound> Draft,
    IReadOnlyList<DutyFound> All,
    IReadOnlyList<DutyFound> Without,
    Coverage Coverage)
{
    /// <summary>Obligors the draft adds: owing something with the draft and nothing without it.</summary>
    public IReadOnlyList<string> AddedObligors => [.. All.Select(d => d.Who).Distinct().Except(Without.Select(d => d.Who)).Order(StringComparer.Ordinal)];

    /// <summary>Obligations triggered with the draft and not without (counted by agreement, provision and obligor).</summary>
    public int AddedObligations => All.Select(d => d.Key).Distinct().Except(Without.Select(d => d.Key)).Count();
}

/// <summary>
/// Runs a draft through a battery: each scenario is evaluated with the draft assumed adopted (from its signature, or the
/// battery's first day when it has none) under the scenario's readings, and against the corpus without the draft.
/// </summary>
public sealed class DraftAssessment
{
    private readonly Agreement _draft;
    private readonly Corpus _without;
    private readonly Dictionary<string, Evaluator> _with = new(StringComparer.Ordinal);
    private readonly Evaluator _baseline;
    private readonly Corpus _corpus;
    private readonly bool _apart;
    private readonly HashSet<string> _read;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<List<DutyFound>>> _baselines = new(StringComparer.Ordinal);

    /// <param name="draft">The draft as read.</param>
    /// <param name="corpus">The corpus the draft is read against (it may hold an earlier version of the same id, which the draft replaces).</param>
    public DraftAssessment(Agreement draft, Corpus corpus)
    {
        _draft = draft;
        _without = new Corpus(corpus.Agreements.Where(a => a.Id != draft.Id), corpus.Organizations, corpus.Conflicts, corpus.States, corpus.Locations);
        _corpus = new Corpus(_without.Agreements.Append(draft), corpus.Organizations, corpus.Conflicts, corpus.States, corpus.Locations);
        _baseline = new Evaluator(_without);
        _read = [.. _without.Agreements.SelectMany(a => a.Provisions).Select(p => p.Trigger).OfType<Trigger>()
            .SelectMany(t => (t.Threshold?.Attributes ?? []).Concat(t.VoidIf.Select(v => v.Attribute)))];
        // A draft that names no other agreement and that no agreement names (supersedes, same-as) cannot change how the
        // others are read: it is then evaluated alone and added to the baseline, which is shared by the scenarios that
        // differ only in event attributes or readings (no agreement but the draft reads them). The same answers, a
        // fraction of the work.
        _apart = draft.Related.Count == 0 && !_without.Agreements.Any(a => a.Related.Any(r => r.Agreement == draft.Id));
        if (_apart) _corpus = new Corpus([draft], corpus.Organizations, corpus.Conflicts, corpus.States, corpus.Locations);
    }

    public Agreement Draft => _draft;

    public IReadOnlyList<ScenarioResult> Run(IReadOnlyList<BatteryScenario> scenarios, Battery battery, Action<int>? progress = null)
    {
        var results = new ScenarioResult[scenarios.Count];
        var done = 0;
        // Evaluators are built once per reading combination, before the parallel loop.
        foreach (var r in scenarios.Select(s => s.Readings).DistinctBy(Key)) With(r);
        Parallel.For(0, scenarios.Count, i =>
        {
            results[i] = Evaluate(scenarios[i], battery);
            var n = Interlocked.Increment(ref done);
            if (progress is not null && n % 256 == 0) progress(n);
        });
        progress?.Invoke(scenarios.Count);
        return results;
    }

    private static string Key(IReadOnlyList<ReadingChoice> r) => string.Join('\u001f', r);

    private Evaluator With(IReadOnlyList<ReadingChoice> readings)
    {
        var key = Key(readings);
        if (_with.TryGetValue(key, out var e)) return e;
        return _with[key] = new Evaluator(readings.Count == 0 ? _corpus : ReadingChoices.Apply(_corpus, readings));
    }

    public ScenarioResult Evaluate(BatteryScenario s, Battery battery)
    {
        var ceasefires = s.Ceasefire && battery.Ceasefire is { } c ? new[] { new AssumedCeasefire(null, c) } : [];
        var adoptFrom = _draft.Dates.Signed ?? battery.Dates.Min();
        var adopted = _draft.Dates.InForceOn is null ? new[] { new AssumedAdoption(_draft.Id, adoptFrom) } : [];
        var e = new Event(s.Kind, s.Attacker, s.Target, s.Date, null, s.Place) { Attributes = s.Attributes };
        var with = Evaluator(s).Evaluate(e, new Assumptions(ceasefires, adopted, []));
        var without = Baseline(s, e, ceasefires);
        var all = _apart ? [.. without, .. Owed(with, s.Target)] : Owed(with, s.Target);
        var draft = all.Where(d => d.Agreement == _draft.Id).ToList();
        var beyond = all.Where(d => d.Strength != Strength.Consultative).ToList();
        var coverage = beyond.Any(d => !d.Undecided) ? Coverage.Covered : beyond.Count > 0 ? Coverage.Undecided : Coverage.Gap;
        return new ScenarioResult(s, draft, all, without, coverage);
    }

    private List<DutyFound> Baseline(BatteryScenario s, Event e, AssumedCeasefire[] ceasefires)
    {
        // Only the attributes some agreement in force reads can change the baseline.
        var plain = e with { Attributes = s.Attributes.Known.Where(a => _read.Contains(a.Key)).Aggregate(EventAttributes.None, (x, a) => x.With(a.Key, a.Value)) };
        var key = $"{s.Target.Cow}|{s.Attacker.Cow}|{s.Place.Code}|{s.Date}|{s.Ceasefire}|{s.Kind}|{plain.Attributes}";
        return _baselines.GetOrAdd(key, _ => new Lazy<List<DutyFound>>(() => Owed(_baseline.Evaluate(plain, new Assumptions(ceasefires, [], [])), s.Target))).Value;
    }

    private Evaluator Evaluator(BatteryScenario s)
    {
        lock (_with) return With(s.Readings);
    }

    private static List<DutyFound> Owed(Outcome o, State target) =>
        [.. o.Triggered.Where(t => t.Beneficiary.Cow == target.Cow).Select(t => new DutyFound(
            t.Agreement.Id, t.Provision.Id, t.Obligor, t.ObligorOrganization?.Id, t.Obligation.Action, t.Obligation.Strength, t.Agreement.Bindingness,
            t.Obligation.Deadline?.ToString(), t.Deadline is { } d ? Pacta.Evaluation.Evaluator.DeadlineText(d) : t.Obligation.Timing,
            t.Undecided, t.Undecided ? t.UndecidedBy : []))];
}
