using Pacta.Datasets;
using Pacta.Datasets.Atop;
using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;

namespace Pacta.Workspace;

/// <summary>
/// What a host (the CLI, the web server, a test, a benchmark) asks of Pacta, over one loaded workspace: the corpus
/// with or without ATOP, scenarios parsed and evaluated, the cascade's shipped data and the dyad-years. Loading
/// is lazy and happens once; the answers are the same whichever host asks.
/// </summary>
public sealed class PactaSession
{
    private readonly PactaWorkspace workspace;
    private readonly Lazy<Corpus> _corpus;
    private readonly Lazy<Corpus> _handEncoded;
    private readonly Lazy<Evaluator> _all;
    private readonly Lazy<Evaluator> _handOnly;
    private readonly Lazy<MajorPowers?> _majors;
    private readonly Lazy<InvocationRules> _invocation;
    // The fitted join model's inputs, read once per session (a warm server or a repeated run reads no file).
    private readonly Lazy<(Evaluation.Validation.JoinCoefficients, Evaluation.Validation.Contiguity)> _fitted =
        new(() => (CascadeData.JoinCoefficients(), CascadeData.Contiguity()), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly CascadeCache _cascades = new(16);

    public PactaSession(PactaWorkspace workspace) : this(workspace, new Lazy<Corpus>(() => workspace.Corpus), null) { }

    private PactaSession(PactaWorkspace workspace, Lazy<Corpus> corpus, Lazy<MajorPowers?>? majors)
    {
        this.workspace = workspace;
        _corpus = corpus;
        _handEncoded = new(() =>
        {
            var c = _corpus.Value;
            return new Corpus(c.Agreements.Where(a => a.Origin != AgreementOrigin.Atop), c.Organizations, c.Conflicts, c.States, c.Locations);
        });
        _all = new(() => new Evaluator(_corpus.Value));
        _handOnly = new(() => new Evaluator(_handEncoded.Value));
        _majors = majors ?? new(() => File.Exists(CascadeData.MajorsFile) ? CascadeData.Majors() : null);
        // From the cache beside the snapshot when the inputs are unchanged (a warm CLI run parses no overlay).
        _invocation = new(() => CascadeInputCache.Load(workspace, CorpusInvocation.Load));
    }

    /// <summary>A session over the bundled corpus (or <paramref name="corpusDir"/>) and the ATOP release in use.</summary>
    public static PactaSession Open(string? corpusDir = null) => new(new PactaWorkspace(corpusDir));

    public PactaWorkspace Workspace => workspace;

    /// <summary>The hand-encoded agreements with the ATOP release's alliances (atop-&lt;id&gt;).</summary>
    public Corpus Corpus => _corpus.Value;

    /// <summary>The hand-encoded agreements alone (the web's <c>include_atop=false</c>).</summary>
    public Corpus HandEncoded => _handEncoded.Value;

    public AtopRelease Atop => workspace.Atop;

    public static string DataDir => PactaWorkspace.DataDir;

    /// <summary>COW major-power status, or null when this build ships no majors file.</summary>
    public MajorPowers? Majors => _majors.Value;

    /// <summary>When promises to fight are invoked: the overlays of corpus/invocation/ and ATOP's named adversaries.</summary>
    public InvocationRules Invocation => _invocation.Value;

    /// <summary>How many prepared cascades the session keeps (default 16; the web server sets its own).</summary>
    public int CascadeCacheEntries
    {
        get => _cascades.Capacity;
        set => _cascades.Capacity = Math.Max(1, value);
    }

    /// <summary>How many prepared cascades the session holds now.</summary>
    public int CascadesKept => _cascades.Count;

    /// <summary>How many cascades this session has built (a question answered from the kept ones builds none).</summary>
    public long CascadesBuilt => _cascades.Builds;

    /// <summary>
    /// The cascade of an event under <paramref name="options"/>: built once per scenario, assumptions and options and
    /// kept (the last 16), so the CLI, the web and tests ask one API and a repeated question costs no graph build.
    /// </summary>
    public PreparedCascade Cascade(Event e, Assumptions assumptions, CascadeOptions options, bool includeAtop = true) =>
        _cascades.Get(CascadeCache.Key(e, assumptions, options, includeAtop), () =>
        {
            var corpus = PactaWorkspace.Timed("corpus", () => CorpusFor(includeAtop));
            var rules = PactaWorkspace.Timed("invocation rules", () => Invocation);
            var graph = PactaWorkspace.Timed("cascade source", () => new CascadeGraph(new CascadeSource(corpus, e.Date, assumptions, invocation: rules), options));
            // Every victim evaluated once, in parallel, instead of each event of the closure through the Evaluator: the
            // same answers (ExposureEquivalenceTests), at a fraction of the cost of closing the graph.
            PactaWorkspace.Timed("attack table", () => AttackTable.Build(graph));
            if (Majors is { } majors)
                foreach (var m in majors.On(e.Date))
                    if (corpus.States.ByCow(m) is not null) graph.IsMajor[graph.IndexOf(m)] = true;
            var start = CascadeStart.Of(e);
            var result = PactaWorkspace.Timed("deterministic cascade", () => DeterministicCascade.Run(graph, start) with { Breached = graph.Source.Full.Evaluate(e, assumptions).Breached });
            return new PreparedCascade(graph, start, result);
        });

    /// <summary>A cascade with its Monte Carlo (<paramref name="trials"/> &gt; 0) on the prepared, closed graph.</summary>
    public (CascadeResult Deterministic, MonteCarloResult? MonteCarlo) Cascade(Event e, Assumptions assumptions, CascadeOptions options,
        HonourModel model, long trials, ulong seed, IReadOnlyList<(int, int)> pairs, int threads = 0, bool includeAtop = true, CancellationToken cancellationToken = default)
    {
        var p = Cascade(e, assumptions, options, includeAtop);
        if (trials <= 0) return (p.Deterministic, null);
        var closed = PactaWorkspace.Timed("close graph", p.ClosedGraph);
        // The fitted join model reads the cascade's start (contiguity to attacker and target), so it is made per run.
        var joins = options.JoinModel == JoinModel.Fitted ? FittedJoinModel(p.Start) : null;
        return (p.Deterministic, PactaWorkspace.Timed("monte carlo", () => MonteCarlo.Run(closed, p.Start, model, trials, seed, pairs, threads, cancellationToken, joins)));
    }

    /// <summary>The fitted join model for a cascade from <paramref name="start"/>, on the coefficients and contiguity this session read once.</summary>
    public Evaluation.Validation.FittedJoinModel FittedJoinModel(CascadeStart start)
    {
        var (coefficients, contiguity) = _fitted.Value;
        return CascadeData.FittedJoinModel(start, coefficients, contiguity);
    }

    /// <summary>The corpus a scenario is read against: all of it, or the hand-encoded agreements alone.</summary>
    public Corpus CorpusFor(bool includeAtop) => includeAtop ? Corpus : HandEncoded;

    /// <summary>Reads a scenario as the user typed it; <paramref name="names"/> are the host's names of the fields.</summary>
    public ScenarioParse Parse(ScenarioInput input, ScenarioNames names, bool includeAtop = true) =>
        ScenarioParser.Parse(input, CorpusFor(includeAtop), names);

    /// <summary>
    /// Which obligations the scenario triggers, breaches or leaves untriggered (one evaluator per corpus, reused), under
    /// the readings the scenario chooses.
    /// </summary>
    public Outcome Evaluate(Scenario scenario, bool includeAtop = true) =>
        scenario.Readings.Count > 0 && WithReadings(scenario.Readings) is var s && !ReferenceEquals(s, this)
            ? s.Evaluate(scenario with { Readings = [] }, includeAtop)
            : (includeAtop ? _all.Value : _handOnly.Value).Evaluate(scenario.Event, scenario.Assumptions);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PactaSession> _readings = new(StringComparer.Ordinal);

    /// <summary>
    /// This session with the contested clauses read as <paramref name="choices"/> say (defaults elsewhere): the same
    /// session when they change nothing. A few sessions are kept, so that repeated questions reuse their evaluators.
    /// </summary>
    public PactaSession WithReadings(IReadOnlyList<ReadingChoice> choices)
    {
        if (choices.Count == 0) return this;
        var key = string.Join('\u001f', choices);
        if (_readings.TryGetValue(key, out var hit)) return hit;
        var corpus = ReadingChoices.Apply(Corpus, choices);
        var session = ReferenceEquals(corpus, Corpus) ? this : new PactaSession(workspace, new Lazy<Corpus>(corpus), _majors);
        if (_readings.Count >= 16) _readings.Clear();
        return _readings.GetOrAdd(key, session);
    }

    /// <summary>
    /// The directed dyad-year table of <c>pacta dyads</c>: ATOP inside its release, continued after it with
    /// Pacta's own encoding (political obligations only when asked).
    /// </summary>
    public DirectedDyadTable DyadYears(YearRange years, bool includePolitical = false, IReadOnlyList<ReadingChoice>? readings = null) =>
        DyadDatasets.Table(Atop, () => Corpus, years, includePolitical, PastRelease(years) ? CorpusReviews.LoadDecisions(workspace) : [], readings);

    /// <summary>
    /// The state-years of <c>pacta state-years</c>: ATOP alone inside its release, the continuous record (with the
    /// reviews of open alliances) after it, ordered by state and year.
    /// </summary>
    public IReadOnlyList<StateYear> StateYears(YearRange years, bool includePolitical = false, IReadOnlyList<ReadingChoice>? readings = null)
    {
        var rows = AtopDatasets.StateYears(Atop, years);
        if (!PastRelease(years)) return rows;
        var continuous = DyadDatasets.Continuous(Atop, Corpus, years.To, includePolitical, CorpusReviews.LoadDecisions(workspace), readings);
        return [.. rows.Concat(continuous.StateYearsAfterRelease(years)).OrderBy(s => s.State).ThenBy(s => s.Year)];
    }

    private bool PastRelease(YearRange years) => years.To > Atop.CoverageEnd.Year;

    /// <summary>
    /// This session with a drafted agreement (YAML text, as the web's drafts hold it) added to the corpus, or
    /// replacing the agreement of the same id: the draft is read against this corpus (its organizations,
    /// conflicts and agreements may be named) and shown as <c>drafts/ID.yaml</c> in errors and explanations.
    /// </summary>
    public DraftSession WithDraft(string id, string yaml)
    {
        var (agreement, diagnostics) = workspace.Loader.ReadAgreement(yaml, id, $"drafts/{id}.yaml", Corpus);
        if (agreement is null) return new DraftSession(null, diagnostics);
        var c = Corpus;
        var corpus = new Corpus(c.Agreements.Where(a => a.Id != agreement.Id).Append(agreement), c.Organizations, c.Conflicts, c.States, c.Locations);
        return new DraftSession(new PactaSession(workspace, new Lazy<Corpus>(corpus), _majors), []);
    }
}

/// <summary>A session with a draft, or the draft's errors (file drafts/ID.yaml, line and column).</summary>
public sealed record DraftSession(PactaSession? Session, IReadOnlyList<Authoring.Diagnostics.Diagnostic> Errors)
{
    public bool Ok => Session is not null;
}
