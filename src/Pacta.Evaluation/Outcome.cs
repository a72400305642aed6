using Pacta.Domain;

namespace Pacta.Evaluation;

/// <summary>
/// One triggered obligation: one obligor owes one beneficiary, with an absolute deadline where the text sets one.
/// The decision fields are set when the event is evaluated; <see cref="Explanation"/> is built on first read,
/// since most callers (cascades, timelines) never look at it.
/// </summary>
public sealed class TriggeredObligation
{
    private readonly Deferred<Explanation> _explanation;

    public TriggeredObligation(Agreement agreement, Provision provision, Obligation obligation, State obligor, State beneficiary,
        DateTimeOffset? deadline, bool hypothetical, IReadOnlyList<Condition> conditions, Explanation explanation)
        : this(agreement, provision, obligation, obligor, beneficiary, deadline, hypothetical, conditions, new Deferred<Explanation>(explanation)) { }

    public TriggeredObligation(Agreement agreement, Provision provision, Obligation obligation, State obligor, State beneficiary,
        DateTimeOffset? deadline, bool hypothetical, IReadOnlyList<Condition> conditions, Func<Explanation> explain)
        : this(agreement, provision, obligation, obligor, beneficiary, deadline, hypothetical, conditions, new Deferred<Explanation>(explain)) { }

    private TriggeredObligation(Agreement agreement, Provision provision, Obligation obligation, State obligor, State beneficiary,
        DateTimeOffset? deadline, bool hypothetical, IReadOnlyList<Condition> conditions, Deferred<Explanation> explanation)
    {
        Agreement = agreement;
        Provision = provision;
        Obligation = obligation;
        Obligor = obligor;
        Beneficiary = beneficiary;
        Deadline = deadline;
        Hypothetical = hypothetical;
        Conditions = conditions;
        _explanation = explanation;
    }

    public Agreement Agreement { get; }
    public Provision Provision { get; }
    public Obligation Obligation { get; }
    public State Obligor { get; }
    public State Beneficiary { get; }
    public DateTimeOffset? Deadline { get; }
    public bool Hypothetical { get; }
    public IReadOnlyList<Condition> Conditions { get; }
    public Explanation Explanation => _explanation.Value;

    /// <summary>
    /// The organization the obligation falls on (the EU's duty to consult), or null for a state. <see cref="Obligor"/>
    /// then stands in for it (COW 0, the organization's id and name) and is never a belligerent.
    /// </summary>
    public Organization? ObligorOrganization { get; init; }

    private Deferred<IReadOnlyList<string>>? _undecided;

    /// <summary>
    /// Whether the trigger hangs on facts the event does not state (a threshold or a void-if condition whose event
    /// attribute is unknown): the obligation is owed only if they go the right way.
    /// </summary>
    public bool Undecided => _undecided is not null;

    /// <summary>What would decide it: the words of each trigger check left unknown (worded on first read).</summary>
    public IReadOnlyList<string> UndecidedBy => _undecided?.Value ?? [];

    internal void SetUndecided(Func<IReadOnlyList<string>> words) => _undecided = new Deferred<IReadOnlyList<string>>(words);
}

/// <summary>A standing promise of the attacker that the event itself breaks (explanation built on first read).</summary>
public sealed class Breach
{
    private readonly Deferred<Explanation> _explanation;

    public Breach(Agreement agreement, Provision provision, State obligor, State beneficiary, Explanation explanation)
        : this(agreement, provision, obligor, beneficiary, new Deferred<Explanation>(explanation)) { }

    public Breach(Agreement agreement, Provision provision, State obligor, State beneficiary, Func<Explanation> explain)
        : this(agreement, provision, obligor, beneficiary, new Deferred<Explanation>(explain)) { }

    private Breach(Agreement agreement, Provision provision, State obligor, State beneficiary, Deferred<Explanation> explanation)
    {
        Agreement = agreement;
        Provision = provision;
        Obligor = obligor;
        Beneficiary = beneficiary;
        _explanation = explanation;
    }

    public Agreement Agreement { get; }
    public Provision Provision { get; }
    public State Obligor { get; }
    public State Beneficiary { get; }
    public Explanation Explanation => _explanation.Value;
}

/// <summary>
/// A provision that the event does not trigger, with the reason: the first check not met in its explanation
/// (after <c>prefix</c>, e.g. "promise not broken: "). Both are produced on first read — an evaluation over
/// the whole corpus has a thousand of these, and only explanations and listings read them.
/// </summary>
public sealed class NotTriggered
{
    private readonly Deferred<Explanation> _explanation;
    private readonly string _prefix;
    private string? _reason;

    public NotTriggered(Agreement agreement, Provision provision, string reason, Explanation explanation)
    {
        Agreement = agreement;
        Provision = provision;
        _prefix = "";
        _reason = reason;
        _explanation = new Deferred<Explanation>(explanation);
    }

    public NotTriggered(Agreement agreement, Provision provision, string prefix, Func<Explanation> explain)
    {
        Agreement = agreement;
        Provision = provision;
        _prefix = prefix;
        _explanation = new Deferred<Explanation>(explain);
    }

    public Agreement Agreement { get; }
    public Provision Provision { get; }

    public string Reason => _reason ??= _prefix + (Explanation.FirstNotMet()
        ?? throw new InvalidOperationException($"{Agreement.Id} {Provision.Citation}: explanation of a provision not triggered has no check not met")).Check;

    public Explanation Explanation => _explanation.Value;
}

/// <summary>The evaluation of an event against a corpus.</summary>
public sealed record Outcome(
    Event Event,
    Assumptions Assumptions,
    IReadOnlyList<TriggeredObligation> Triggered,
    IReadOnlyList<Breach> Breached,
    IReadOnlyList<NotTriggered> NotTriggered);

/// <summary>
/// A value computed on first read. The producers are pure, so concurrent first reads may both compute it;
/// only one result is ever published, and every later read sees that one.
/// </summary>
internal sealed class Deferred<T> where T : class
{
    private Func<T>? _produce;
    private T? _value;

    public Deferred(T value) => _value = value;

    public Deferred(Func<T> produce) => _produce = produce;

    public T Value
    {
        get
        {
            if (Volatile.Read(ref _value) is { } v) return v;
            var produce = Volatile.Read(ref _produce);
            if (produce is null) return Volatile.Read(ref _value)!;
            var made = produce();
            v = Interlocked.CompareExchange(ref _value, made, null) ?? made;
            _produce = null; // let the captured evaluation state go
            return v;
        }
    }
}
