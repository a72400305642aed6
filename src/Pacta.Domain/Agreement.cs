namespace Pacta.Domain;

/// <summary>A source that supports facts in an agreement file: a URL and what it supports.</summary>
public sealed record Source(string Id, string Url, string Supports, string? Reliability)
{
    /// <summary>The day the source was consulted (<c>retrieved:</c>); null where the file does not say.</summary>
    [JsonOmitEmpty]
    public DateOnly? Retrieved { get; init; }

    /// <summary>Where the source entry was read from, for the source-hygiene warnings of <c>pacta check</c>.</summary>
    public Position Position { get; init; } = Position.None;
}

/// <summary>
/// One instrument: treaty, executive agreement, declaration, memorandum or proposal. <see cref="Origin"/> is
/// <c>pacta</c> for hand-encoded files and <c>atop</c> for alliances imported from the ATOP dataset.
/// </summary>
public sealed record Agreement(
    string Id,
    string Title,
    AgreementForm Form,
    AgreementStatus Status,
    Bindingness Bindingness,
    string? BindingnessNote,
    AgreementDates Dates,
    IReadOnlyList<Party> Parties,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Provision> Provisions,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Uncertain,
    [property: JsonAfter(nameof(Agreement.BindingnessNote))] AgreementOrigin Origin,
    [property: JsonAfter(nameof(Agreement.Origin)), JsonMember("file", nameof(Domain.Position.File))] Position Position)
{
    /// <summary>The days on which the agreement is in force, derived from its dates (inclusive).</summary>
    public DateSpan InForce => Dates.InForceSpan;

    public bool InForceOn(DateOnly day) => Dates.InForceOn is not null && InForce.Contains(day);

    /// <summary>Other agreements this one supersedes, implements or is related to.</summary>
    public IReadOnlyList<AgreementRelation> Related { get; init; } = [];

    /// <summary>A short name for tables ("North Atlantic Treaty"); defaults to the title.</summary>
    [JsonAfter(nameof(Title))]
    public string? ShortTitle { get; init; }

    /// <summary>The clauses whose reading the sources dispute, each with its readings and default.</summary>
    [JsonOmitEmpty, JsonWith("Contested")]
    public IReadOnlyList<ContestedClause> Contested { get; init; } = [];

    /// <summary>The reading applied to each contested clause (in <see cref="Contested"/> order); the defaults as read.</summary>
    [JsonOmit] // written as each contested clause's "applied"
    public IReadOnlyList<AppliedReading> Applied { get; init; } = [];

    /// <summary>Parties the applied reading leaves out (assumed by the encoding), kept so that another reading can restore them.</summary>
    [JsonOmitEmpty]
    public IReadOnlyList<Party> SetAside { get; init; } = [];
}

/// <summary>A reference to another agreement, e.g. <see cref="Relation.SuccessorOf"/> the Modified Brussels Treaty.</summary>
public sealed record AgreementRelation(string Agreement, Relation Relation, Position Position);

/// <summary>
/// Dates of an agreement. All are calendar days; <see cref="Ends"/> is the last day in force (inclusive).
/// Where only <see cref="Duration"/> is given, the last day is <c>InForce + Duration − 1 day</c>.
/// </summary>
public sealed record AgreementDates(
    DateOnly? Signed,
    [property: JsonName("in_force")] DateOnly? InForceOn,
    DateOnly? Ends,
    string? EndsReason,
    IsoDuration? Duration,
    IsoDuration? Notice,
    [property: JsonName("termination")] string? TerminationNote)
{
    [JsonName("last_day"), JsonAfter(nameof(Ends))]
    public DateOnly? LastDay => Ends ?? (Duration is not null && InForceOn is not null ? LastDayOf(Duration.AddTo(InForceOn.Value)) : null);

    // A duration that runs past the calendar's end saturates: the agreement holds to the last representable day.
    private static DateOnly LastDayOf(DateOnly end) => end == DateOnly.MaxValue ? end : end.AddDays(-1);

    public DateSpan InForceSpan => new(InForceOn, LastDay);
}

/// <summary>A state or an organization in an agreement, with its role and its own dates (inclusive).</summary>
public sealed record Party(
    [property: JsonWith("State")] int? State,
    string? Organization,
    PartyRole Role,
    [property: JsonMember("from", nameof(DateSpan.From)), JsonMember("to", nameof(DateSpan.To))] DateSpan Span,
    [property: JsonName("suspended"), JsonAfter(nameof(Party.Note))] IReadOnlyList<Suspension> Suspensions,
    string? Note,
    Position Position)
{
    /// <summary>
    /// A party the text does not name, which the encoding assumes (the Kyiv Security Compact's "could include …
    /// Central and Eastern European countries"): not of the same standing as a named party, and a reading may leave it out.
    /// </summary>
    [JsonName("assumed"), JsonOmitEmpty] // only where the encoding assumes the party
    public bool AssumedByEncoding { get; init; }
}

/// <summary>
/// A period in which the obligations between a party and some counterparts are suspended
/// (e.g. the US obligations to New Zealand under ANZUS since 1986). Empty counterparts: all.
/// </summary>
public sealed record Suspension(
    [property: JsonMember("from", nameof(DateSpan.From)), JsonMember("to", nameof(DateSpan.To))] DateSpan Span,
    [property: JsonName("between"), JsonWith("State")] IReadOnlyList<int> Counterparts,
    string Note);

/// <summary>One clause: article or paragraph, its kind, trigger, obligations, conditions and sources.</summary>
[JsonExtra("stable_id", "ProvisionId", After = nameof(Id))]
public sealed record Provision(
    string Id,
    string Citation,
    ProvisionKind Kind,
    string Summary,
    string? Quote,
    IReadOnlyList<string> Sources,
    Trigger? Trigger,
    IReadOnlyList<Obligation> Obligations,
    IReadOnlyList<Condition> Conditions,
    IReadOnlyList<TriggerKind> BreachedBy,
    IReadOnlyList<string> Uncertain,
    [property: JsonAfter(nameof(Provision.Sources)), JsonMember("line", nameof(Domain.Position.Line))] Position Position)
{
    /// <summary>
    /// The days the provision applies (inclusive), when narrower than the agreement's: an imported ATOP member row
    /// binds only for its phase spell. Null: the agreement's own span. Read through <see cref="AgreementOnDay.ProvisionInForce"/>.
    /// </summary>
    [JsonOmitEmpty]
    public DateSpan? Span { get; init; }
}

/// <summary>
/// Who a trigger or obligation refers to. Kinds: <c>any-member</c> (any party with role member, guarantor or
/// beneficiary), <c>other-parties</c> (every member or guarantor except the target), <c>target</c> (the attacked state),
/// <c>anyone</c>, <c>non-party</c>, <c>states</c> (the listed states), <c>role</c> (parties with <see cref="Role"/>),
/// <c>organization</c> (an obligor only: the organization <see cref="Organization"/> itself, not its members).
/// What each means on a day is decided by <see cref="BoundParties"/>.
/// </summary>
[JsonWith("Selector")]
public sealed record Selector(SelectorKind Kind, IReadOnlyList<int> States, PartyRole? Role)
{
    public static Selector Of(SelectorKind kind) => new(kind, [], null);

    /// <summary>A keyword selector from its word (<c>any-member</c>, <c>target</c>, …); throws on another word.</summary>
    public static Selector Of(string word) => Words.TryParse<SelectorKind>(word, out var kind)
        ? new(kind, [], null)
        : throw new ArgumentException($"'{word}' is not a selector kind", nameof(word));
    public static Selector ForStates(params int[] cows) => new(SelectorKind.States, cows, null);
    public static Selector ForOrganization(string id) => new(SelectorKind.Organization, [], null) { Organization = id };

    /// <summary>The organization an <c>organization</c> selector names (the EU's duty to consult falls on the EU).</summary>
    public string? Organization { get; init; }

    public override string ToString() => Kind switch
    {
        SelectorKind.States => string.Join(", ", States),
        SelectorKind.Role => $"role {Role}",
        SelectorKind.Organization => $"organization {Organization}",
        _ => Words.Of(Kind),
    };
}

/// <summary>
/// A location scope: included and excluded items (location codes or <c>region:ID</c>), and a territory rule:
/// <c>target</c> — the place attacked must belong to the target; <c>any-party</c> — to any party; <c>any</c>.
/// </summary>
public sealed record Scope(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude, Territory Territory, string? Note)
{
    public static readonly Scope Anywhere = new([], [], Territory.Target, null);
}

/// <summary>The event that activates a provision.</summary>
public sealed record Trigger(
    IReadOnlyList<TriggerKind> Kinds,
    Selector Target,
    Selector Attacker,
    Scope Scope,
    string? AfterHostilities,
    Position Position)
{
    /// <summary>A threshold the attack must reach ("significant, deliberate and sustained"); null: any attack of the kinds counts.</summary>
    public AttackThreshold? Threshold { get; init; }

    /// <summary>Facts of the event that void the clause ("void if Ukraine invades Russia"); empty: none.</summary>
    public IReadOnlyList<VoidCondition> VoidIf { get; init; } = [];
}

/// <summary>
/// A threshold on the attack: every one of <see cref="Attributes"/> (event attribute names such as "significant",
/// "deliberate", "sustained") must hold for the clause to trigger. The data decide it only from the event's
/// attributes; one not stated leaves the trigger undecided.
/// </summary>
public sealed record AttackThreshold([property: JsonName("all_of")] IReadOnlyList<string> Attributes, string? Quote, Position Position);

/// <summary>
/// A fact that voids a clause when the event shows it: <see cref="Attribute"/> names the event attribute that says
/// so ("beneficiary-struck-first"), <see cref="Text"/> what the clause says in words.
/// </summary>
public sealed record VoidCondition(string Attribute, string Text, Position Position);

/// <summary>What a trigger makes an obligor owe a beneficiary.</summary>
[JsonExtra("id", "ObligationId")]
public sealed record Obligation(
    Selector Obligor,
    Selector Beneficiary,
    string Action,
    Strength Strength,
    IReadOnlyList<AssistanceType> Assistance,
    IsoDuration? Deadline,
    [property: JsonNullUnless(nameof(Obligation.Deadline))] DeadlineFirmness Firmness,
    string? Timing,
    IReadOnlyList<Amount> Amounts,
    IReadOnlyList<Condition> Conditions,
    Position Position);

/// <summary>A pledged amount. <see cref="Basis"/> says what it is a share of ("0.25 % of GDP per year").</summary>
public sealed record Amount([property: JsonName("amount")] decimal? Value, string? Currency, string? Year, string? Basis, decimal? PercentOfGdp, string? Note);

/// <summary>A condition or escape clause on a provision or obligation.</summary>
public sealed record Condition(ConditionKind Kind, string Text, [property: JsonWith("State")] IReadOnlyList<int> States);

/// <summary>An organization (NATO, EU, CSTO) whose membership changes over time.</summary>
public sealed record Organization(
    string Id,
    string Name,
    IReadOnlyList<OrganizationMember> Members,
    IReadOnlyList<Source> Sources,
    Position Position)
{
    /// <summary>Other names a user may type for it (<c>aliases:</c> in the file, e.g. north-atlantic-treaty-organization).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

public sealed record OrganizationMember(int State, DateSpan Span, string? Note, Position Position);

/// <summary>An armed conflict recorded as world context (the Russia–Ukraine war since 2022-02-24).</summary>
public sealed record Conflict(
    string Id,
    string Name,
    IReadOnlyList<int> SideA,
    IReadOnlyList<int> SideB,
    DateSpan Span,
    IReadOnlyList<Source> Sources,
    Position Position);
