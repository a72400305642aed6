namespace Pacta.Domain;

/// <summary>
/// A sovereign state, identified by its Correlates of War number. <see cref="Spells"/> are its spells of
/// membership in the state system (inclusive days); historic states have no ISO codes.
/// </summary>
public sealed record State(int Cow, string Cowc, string? Iso3, string? Iso2, string Name, IReadOnlyList<DateSpan> Spells)
{
    public bool IsSystemMemberOn(DateOnly day) => Spells.Any(s => s.Contains(day));

    /// <summary>
    /// Short label used in text output: "RUS"; for a state without ISO code its COW letters, unless they are another
    /// state's ISO alpha-3 code (Joseon Korea's KOR is South Korea's), when the registry sets <see cref="CowLabel"/>.
    /// </summary>
    public string Code => Iso3 ?? CowLabel ?? Cowc;

    /// <summary>"COW-KOR": the label of a state without ISO code whose COW letters would read as another state's ISO code.</summary>
    public string? CowLabel { get; init; }

    /// <summary>A note on the state's codes, from <c>data/states/notes.csv</c> (Kosovo: XK is user-assigned, not ISO 3166-1).</summary>
    public string? Note { get; init; }

    public override string ToString() => $"{Name} ({Code}, COW {Cow})";
}
