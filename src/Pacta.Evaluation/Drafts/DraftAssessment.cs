using Pacta.Domain;

namespace Pacta.Evaluation.Drafts;

/// <summary>One obligation a scenario triggers, as the assessment reports it.</summary>
public sealed record DutyFound(
    string Agreement,
    string Provision,
    ProvisionKind Kind,
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
    /// draft), <see cref="Addition.Stronger"/> (owes more than consultation, or acts where it only had discretion),
    /// <see cref="Addition.Defense"/> (the same strength, but a promise to defend or fight where at that strength it
    /// owed only assistance, sanctions or consultation) or <see cref="Addition.Sooner"/> (the same strength, but by a
    /// deadline earlier than any it had). An obligation the obligor already owes at the same strength and no later is
    /// not an addition, whichever agreement it comes from.
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
        // A discretionary defence promise beside discretionary assistance is not "nothing new": the text opens a
        // response (armed force) the obligor had not promised to weigh at all.
        var asStrong = held.Where(b => b.Strength <= d.Strength).ToList();
        if (Defends(d) && !asStrong.Any(Defends)) return Addition.Defense;
        if (Hours(d) is not { } hours) return null;
        return asStrong.All(b => Hours(b) is not { } h || hours < h) ? Addition.Sooner : null;
    }

    private static bool Defends(DutyFound d) => d.Kind is ProvisionKind.Defense or ProvisionKind.Offense;

    private static double? Hours(DutyFound d) =>
        IsoDuration.TryParse(d.Deadline, out var x) ? (x.AddTo(DateTimeOffset.UnixEpoch) - DateTimeOffset.UnixEpoch).TotalHours : null;
}

/// <summary>What a draft adds for an obligor over the agreements in force, strongest first.</summary>
public enum Addition { Obligor, Stronger, Defense, Sooner }

/// <summary>
/// Runs a draft through a battery: each scenario is evaluated with the draft assumed adopted (from its signature, or the
/// battery's first day when it has none) under the scenario's readings, and against the corpus without the draft.
/// </summary>
public sealed class DraftAssessment
{
    private readonly Agreement _draft;
    private readonly Baselines _baselines;
    private readonly Dictionary<string, Evaluator> _with = new(StringComparer.Ordinal);
    private readonly Corpus _corpus;
    private readonly bool _apart;

    /// <param name="draft">The draft as read.</param>
    /// <param name="corpus">The corpus the draft is read against (it may hold an earlier version of the same id, which the draft replaces).</param>
    /// <param name="fast">The fast baselines (<see cref="Baselines"/>); off, the plain path, kept to check the fast one against.</param>
    public DraftAssessment(Agreement draft, Corpus corpus, bool fast = true)
        : this(draft, new Baselines(corpus, Baselines.Replaced(corpus, draft.Id), fast)) { }

    /// <summary>A draft assessed against baselines kept from earlier assessments (a warm server's; they must leave out the agreement the draft replaces).</summary>
    public DraftAssessment(Agreement draft, Baselines baselines)
    {
        if (baselines.ReplacedId != Baselines.Replaced(baselines.Corpus, draft.Id))
            throw new ArgumentException($"the baselines leave out '{baselines.ReplacedId}', but draft '{draft.Id}' replaces '{Baselines.Replaced(baselines.Corpus, draft.Id)}'", nameof(baselines));
        _draft = draft;
        _baselines = baselines;
        var without = baselines.Without;
        // A draft that names no other agreement and that no agreement names (supersedes, same-as) cannot change how the
        // others are read: it is then evaluated alone and added to the baseline, which is shared by the scenarios that
        // differ only in event attributes or readings (no agreement but the draft reads them). The same answers, a
        // fraction of the work.
        _apart = draft.Related.Count == 0 && !baselines.Names(draft.Id);
        _corpus = _apart ? new Corpus([draft], without.Organizations, without.Conflicts, without.States, without.Locations)
            : new Corpus(without.Agreements.Append(draft), without.Organizations, without.Conflicts, without.States, without.Locations);
    }

    public Agreement Draft => _draft;

    /// <summary>How many distinct baselines (evaluations without the draft) are kept, this assessment's runs and any earlier ones sharing its <see cref="Baselines"/>.</summary>
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
        var without = _baselines.Owed(s, e, ceasefires);
        var all = _apart ? [.. without, .. Owed(with, s.Target)] : Owed(with, s.Target);
        var draft = all.Where(d => d.Agreement == _draft.Id).ToList();
        var beyond = all.Where(d => d.Strength != Strength.Consultative).ToList();
        var coverage = beyond.Any(d => !d.Undecided) ? Coverage.Covered : beyond.Count > 0 ? Coverage.Undecided : Coverage.Gap;
        return new ScenarioResult(s, draft, all, without, coverage);
    }

    private Evaluator Evaluator(BatteryScenario s)
    {
        lock (_with) return With(s.Readings);
    }

    internal static List<DutyFound> Owed(Outcome o, State target) =>
        [.. o.Triggered.Where(t => t.Beneficiary.Cow == target.Cow).Select(t => new DutyFound(
            t.Agreement.Id, t.Provision.Id, t.Provision.Kind, t.Obligor, t.ObligorOrganization?.Id, t.Obligation.Action, t.Obligation.Strength, t.Agreement.Bindingness,
            t.Obligation.Deadline?.ToString(), t.Deadline is { } d ? Pacta.Evaluation.Evaluator.DeadlineText(d) : t.Obligation.Timing,
            t.Undecided, t.Undecided ? t.UndecidedBy : []))];
}
