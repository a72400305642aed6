namespace Pacta.Domain;

/// <summary>
/// A closed interval of calendar days: both <see cref="From"/> and <see cref="To"/> are days on which
/// the span holds. A null end is open (no known start / no end yet). Treaty texts speak of "the day of
/// accession" and "the day the withdrawal takes effect", so both ends are inclusive by design.
/// </summary>
public readonly record struct DateSpan(DateOnly? From, DateOnly? To)
{
    public static readonly DateSpan Always = new(null, null);

    public bool Contains(DateOnly day) =>
        (From is null || From.Value <= day) && (To is null || day <= To.Value);

    /// <summary>True when the two spans share at least one day.</summary>
    public bool Overlaps(DateSpan other) =>
        (From is null || other.To is null || From.Value <= other.To.Value) &&
        (To is null || other.From is null || other.From.Value <= To.Value);

    public override string ToString() => $"{From?.ToString("yyyy-MM-dd") ?? "open"} .. {To?.ToString("yyyy-MM-dd") ?? "open"}";
}
