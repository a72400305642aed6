namespace Pacta.Domain;

/// <summary>Whether a triggered promise is invoked by the facts of an event.</summary>
public enum InvocationVerdict : byte
{
    /// <summary>The text's conditions are met (or it has none): the promise draws its obligor in.</summary>
    Invoked,
    /// <summary>A condition the data cannot decide: reported, not propagated unless asked.</summary>
    Conditional,
    /// <summary>The text's conditions are not met (an attack by a co-member, another adversary, outside the area).</summary>
    NotInvoked,
}

/// <summary>What an attack by one member of an alliance on another does to the alliance's promises.</summary>
public enum MemberAttacks
{
    /// <summary>Nothing: the promise answers attacks from outside (the default reading of a collective-defence text).</summary>
    NotInvoked,
    /// <summary>The text sends it to an organ (consultation, a council's decision): conditional.</summary>
    Conditional,
    /// <summary>The text covers attacks by members as well.</summary>
    Invoked,
}

/// <summary>A clause of the text an overlay rests on, quoted (article and wording).</summary>
public sealed record InvocationClause(string Article, string Text);

/// <summary>A condition the facts of an event cannot decide; it makes the promise conditional (for the named obligors only, if any).</summary>
public sealed record InvocationCondition(string Text, IReadOnlyList<int> Obligors);

/// <summary>
/// A hand-encoded reading of when an alliance's promises to fight are invoked (corpus/invocation/*.yaml), for an
/// ATOP alliance (<c>atop-ID</c>) or a hand-encoded agreement: attacks by members, named adversaries, the area,
/// and the conditions no data decides. Every overlay cites its sources and quotes the clauses it rests on;
/// <see cref="Uncertain"/> names what the sources leave open (an article not read, a wording known only at second hand).
/// </summary>
public sealed record InvocationTerms(
    string Agreement,
    string Name,
    MemberAttacks BetweenMembers,
    string? BetweenMembersNote,
    IReadOnlyList<int>? Adversaries,
    string? AdversaryNote,
    IReadOnlyList<int>? Area,
    string? AreaNote,
    IReadOnlyList<InvocationCondition> Conditions,
    IReadOnlyList<InvocationClause> Clauses,
    IReadOnlyList<Source> Sources,
    string? Note,
    IReadOnlyList<string> Uncertain,
    Position Position)
{
    /// <summary>
    /// The kinds of promise the overlay reads (defence, offence; by default both). A promise of another kind is read as
    /// if there were no overlay (ATOP's flags), except for attacks by co-members, which <see cref="BetweenMembers"/> decides.
    /// </summary>
    public IReadOnlyList<ProvisionKind> Kinds { get; init; } = [ProvisionKind.Defense, ProvisionKind.Offense];
}
