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
    // What the draft adds is asked for several times per scenario (counts, rows, JSON), and a scenario can carry a
    // couple of hundred duties with and without the draft: it is worked out once, on first use, with the duties
    // without the draft indexed by key and by obligor (comparing every pair by a built key cost about a second for
    // the default battery of a bilateral guarantee to Ukraine).
    private Added? _added;

    /// <summary>A copy (<c>with</c>) works out its additions afresh from its own duties.</summary>
    private ScenarioResult(ScenarioResult original)
    {
        (Scenario, Draft, All, Without, Coverage) = (original.Scenario, original.Draft, original.All, original.Without, original.Coverage);
    }

    /// <summary>Obligors the draft adds: owing something with the draft and nothing without it.</summary>
    public IReadOnlyList<string> AddedObligors => Work().Obligors;

    /// <summary>
    /// What the draft adds for each obligor, strongest first: <see cref="Addition.Obligor"/> (owes nothing without the
    /// draft), <see cref="Addition.Stronger"/> (owes more than consultation, or acts where it only had discretion), or
    /// <see cref="Addition.Sooner"/> (the same strength, but by a deadline earlier than any it had). An obligation the
    /// obligor already owes at the same strength and no later is not an addition, whichever agreement it comes from.
    /// </summary>
    public IReadOnlyList<(string Who, Addition What)> Additions => Work().Additions;

    /// <summary>Obligations triggered with the draft that add to what their obligor owes without it (<see cref="Additions"/>).</summary>
    public int AddedObligations => Work().Obligations;

    private sealed record Added(IReadOnlyList<string> Obligors, IReadOnlyList<(string Who, Addition What)> Additions, int Obligations);

    // Two threads may both work it out; they get the same answer, so the race is harmless.
    private Added Work() => _added ??= Compute();

    private Added Compute()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var before = new Dictionary<string, List<DutyFound>>(StringComparer.Ordinal);
        foreach (var w in Without)
        {
            keys.Add(w.Key);
            var who = w.Who;
            if (!before.TryGetValue(who, out var list)) before[who] = list = [];
            list.Add(w);
        }
        var additions = new List<(string, Addition)>();
        var obligations = 0;
        foreach (var g in All.Where(d => !keys.Contains(d.Key)).GroupBy(d => d.Who).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var had = before.GetValueOrDefault(g.Key) ?? [];
            Addition? best = null;
            foreach (var d in g)
            {
                if (Compare(d, had) is not { } what) continue;
                obligations++;
                if (best is null || what < best) best = what;
            }
            if (best is { } b) additions.Add((g.Key, b));
        }
        string[] obligors = [.. All.Select(d => d.Who).Distinct().Where(w => !before.ContainsKey(w)).Order(StringComparer.Ordinal)];
        return new Added(obligors, additions, obligations);
    }

    private static Addition? Compare(DutyFound d, List<DutyFound> before)
    {
        if (before.Count == 0) return Addition.Obligor;
        // Strength: Automatic < Discretionary < Consultative; an undecided duty does not yet hold, so it is no floor.
        var held = before.Where(b => !b.Undecided || d.Undecided).ToList();
        if (held.Count == 0 || d.Strength < held.Min(b => b.Strength)) return Addition.Stronger;
        if (Hours(d) is not { } hours) return null;
        var asStrong = held.Where(b => b.Strength <= d.Strength).ToList();
        return asStrong.All(b => Hours(b) is not { } h || hours < h) ? Addition.Sooner : null;
    }

    private static double? Hours(DutyFound d) =>
        IsoDuration.TryParse(d.Deadline, out var x) ? (x.AddTo(DateTimeOffset.UnixEpoch) - DateTimeOffset.UnixEpoch).TotalHours : null;
}

/// <summary>What a draft adds for an obligor over the agreements in force, strongest first.</summary>
public enum Addition { Obligor, Stronger, Sooner }

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
    private readonly bool _fast;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, Lazy<Evaluator>> _baselineFor = new();
    private readonly string[] _scopeItems;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, DateOnly), string> _placeKeys = new();

    /// <param name="draft">The draft as read.</param>
    /// <param name="corpus">The corpus the draft is read against (it may hold an earlier version of the same id, which the draft replaces).</param>
    /// <param name="fast">
    /// Share one baseline between places that no agreement in force tells apart (the same holder on the day, inside
    /// and outside the same scope items), and evaluate a target's baseline over only the agreements with a provision
    /// that can owe it something. Off, every place has its own baseline over the whole corpus: the plain path, kept to
    /// check the fast one against.
    /// </param>
    public DraftAssessment(Agreement draft, Corpus corpus, bool fast = true)
    {
        _fast = fast;
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
        // The scope check is the only one that reads the place (beyond its holder, which the event scene derives):
        // these are every include and exclude item it can test against the baseline's agreements.
        _scopeItems = [.. _without.Agreements.SelectMany(a => a.Provisions).Select(p => p.Trigger?.Scope).OfType<Scope>()
            .SelectMany(x => x.Include.Concat(x.Exclude)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public Agreement Draft => _draft;

    /// <summary>How many distinct baselines (evaluations without the draft) the runs so far needed.</summary>
    public int BaselineCount => _baselines.Count;

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
        // Choices that name no agreement (the readings of pacta diff, shared by both versions) apply to the draft alone.
        IReadOnlyList<ReadingChoice> bound = [.. readings.Select(r => r.Agreement is null ? r with { Agreement = _draft.Id } : r)];
        return _with[key] = new Evaluator(readings.Count == 0 ? _corpus : ReadingChoices.Apply(_corpus, bound));
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
        var key = $"{s.Target.Cow}|{s.Attacker.Cow}|{PlaceKey(s.Place, s.Date)}|{s.Date}|{s.Ceasefire}|{s.Kind}|{plain.Attributes}";
        return _baselines.GetOrAdd(key, _ => new Lazy<List<DutyFound>>(() => Owed(BaselineFor(s.Target).Evaluate(plain, new Assumptions(ceasefires, [], [])), s.Target))).Value;
    }

    /// <summary>
    /// What the baseline can see of a place on a day: its holder (as <see cref="Checks.EventScene"/> finds it) and which
    /// scope items of the agreements in force it lies in. Two places with the same key give the same baseline.
    /// </summary>
    private string PlaceKey(Location place, DateOnly day)
    {
        if (!_fast) return place.Code;
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
    private Evaluator BaselineFor(State target)
    {
        if (!_fast) return _baseline;
        return _baselineFor.GetOrAdd(target.Cow, cow => new Lazy<Evaluator>(() =>
        {
            var owing = _without.Agreements.Where(a => a.Provisions.Any(p => p.Trigger is not null && p.Obligations.Any(o =>
                o.Beneficiary.Kind == SelectorKind.Target || (o.Beneficiary.Kind == SelectorKind.States && o.Beneficiary.States.Contains(cow)))));
            return new Evaluator(new Corpus(owing, _without.Organizations, _without.Conflicts, _without.States, _without.Locations), _without.Bound);
        })).Value;
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
