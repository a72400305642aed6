namespace Pacta.Domain;

/// <summary>
/// What a scenario assumes beyond the corpus: ceasefires (a conflict's hostilities end the day before the
/// given date), proposals adopted from a date, and states made members of an agreement or organization.
/// </summary>
public sealed record Assumptions(
    IReadOnlyList<AssumedCeasefire> Ceasefires,
    IReadOnlyList<AssumedAdoption> Adopted,
    IReadOnlyList<AssumedMembership> Members)
{
    public static readonly Assumptions None = new([], [], []);

    public bool IsEmpty => Ceasefires.Count == 0 && Adopted.Count == 0 && Members.Count == 0;
}

/// <summary>Hostilities of <see cref="Conflict"/> (all open conflicts when null) end before <see cref="From"/>.</summary>
public sealed record AssumedCeasefire(string? Conflict, DateOnly From);

/// <summary>An agreement not in force (a proposal) treated as in force from <see cref="From"/> (null: from its signature).</summary>
public sealed record AssumedAdoption(string Agreement, DateOnly? From);

/// <summary>
/// A state treated as a member of <see cref="Of"/> (an agreement id or an organization id, named <c>of</c> in JSON as
/// here) from <see cref="From"/> (null: always).
/// </summary>
public sealed record AssumedMembership(int State, string Of, DateOnly? From);
