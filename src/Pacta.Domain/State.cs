namespace Pacta.Domain;

/// <summary>
/// A sovereign state, identified by its Correlates of War number. <see cref="Spells"/> are its spells of
/// membership in the state system (inclusive days); historic states have no ISO codes.
/// </summary>
public sealed record State(int Cow, string Cowc, string? Iso3, string? Iso2, string Name, IReadOnlyList<DateSpan> Spells)
{
    public bool IsSystemMemberOn(DateOnly day) => Spells.Any(s => s.Contains(day));

    /// <summary>Short label used in text output: "RUS" or, for a state without ISO code, its COW letters.</summary>
    public string Code => Iso3 ?? Cowc;

    public override string ToString() => $"{Name} ({Code}, COW {Cow})";
}
