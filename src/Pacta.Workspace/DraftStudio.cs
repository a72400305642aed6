using Pacta.Authoring.Diagnostics;
using Pacta.Authoring.Yaml;
using Pacta.Domain;
using Pacta.Evaluation.Drafts;

namespace Pacta.Workspace;

/// <summary>A draft's YAML text as read: the agreement, or every located diagnostic (line and column in the text).</summary>
public sealed record DraftRead(Agreement? Agreement, string Id, string Shown, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// What the web's drafting studio needs of a session, for YAML text rather than a file: read a draft against the corpus
/// (errors located as <c>drafts/ID.yaml:LINE:COLUMN</c>) and run it through the default battery as <c>pacta assess</c>
/// does. The battery and the attacker data (contiguity, wars, major powers) are read once and kept, and so are the
/// baselines (what the agreements in force owe without the draft, <see cref="Baselines"/>) for the last few agreements
/// a draft replaces, so a studio edit costs only the reading and the draft's own evaluation.
/// </summary>
public sealed class DraftStudio(PactaSession session)
{
    /// <summary>How many sets of baselines are kept: one per agreement a draft replaces (and one for new drafts), least recently used dropped first.</summary>
    public const int MaxBaselines = 4;

    private readonly Lazy<AttackerData> _attackers = new(() => DraftInput.AttackerData(session));
    private readonly Lazy<Battery> _battery = new(() => BatteryFile.Load(null, session.Corpus));
    // Most recently used last; a handful of entries, so a list under a lock is enough.
    private readonly List<Baselines> _baselines = [];

    public PactaSession Session => session;
    public Battery Battery => _battery.Value;

    /// <summary>Reads <paramref name="yaml"/>; the id is the text's own <c>id:</c> (or <c>draft</c> when it has none).</summary>
    public DraftRead Read(string yaml)
    {
        var id = IdOf(yaml) ?? "draft";
        var shown = $"drafts/{id}.yaml";
        var (agreement, diagnostics) = session.Workspace.Loader.ReadAgreement(yaml, id, shown, session.Corpus);
        return new DraftRead(agreement, id, shown, diagnostics);
    }

    /// <summary>
    /// The draft (the first of <paramref name="drafts"/>, default <paramref name="agreement"/> alone) expanded over the
    /// default battery and assessed: the same scenarios and results as <c>pacta assess</c>.
    /// </summary>
    public IReadOnlyList<ScenarioResult> Assess(Agreement agreement, bool readings = true, IReadOnlyList<Agreement>? drafts = null)
    {
        var scenarios = BatteryScenarios.Expand(Battery, drafts ?? [agreement], session.Corpus, _attackers.Value, readings);
        return new DraftAssessment(agreement, BaselinesFor(agreement.Id)).Run(scenarios, Battery);
    }

    /// <summary>How many sets of baselines the studio keeps now (at most <see cref="MaxBaselines"/>).</summary>
    public int BaselinesKept
    {
        get
        {
            lock (_baselines) return _baselines.Count;
        }
    }

    /// <summary>The kept baselines for a draft with id <paramref name="draftId"/> over the session's corpus, made on first use.</summary>
    public Baselines BaselinesFor(string draftId)
    {
        var corpus = session.Corpus;
        var replaced = Baselines.Replaced(corpus, draftId);
        lock (_baselines)
        {
            var i = _baselines.FindIndex(b => ReferenceEquals(b.Corpus, corpus) && b.ReplacedId == replaced);
            var found = i >= 0 ? _baselines[i] : new Baselines(corpus, replaced);
            if (i >= 0) _baselines.RemoveAt(i);
            else if (_baselines.Count >= MaxBaselines) _baselines.RemoveAt(0);
            _baselines.Add(found);
            return found;
        }
    }

    private static string? IdOf(string text)
    {
        try
        {
            return YamlTreeParser.Parse(text) is YamlMapping m && m.Find("id")?.Value is YamlScalar { IsNull: false } s && s.Value.Length > 0 ? s.Value : null;
        }
        catch (YamlSyntaxException)
        {
            return null;
        }
    }
}
