namespace Pacta.Domain;

/// <summary>What a review decided about an ATOP alliance still open at the end of the release.</summary>
public enum ReviewStatus
{
    /// <summary>Went on unchanged after the release, with a source saying so (or no event found after a search).</summary>
    Continued,

    /// <summary>Ended for every member on <see cref="AtopReview.Ended"/>.</summary>
    Ended,

    /// <summary>Went on with members leaving or joining (<see cref="AtopReview.Changes"/>).</summary>
    Changed,
}

/// <summary>One member leaving (<see cref="Leaves"/> true: its last day) or joining (its first day) after the release.</summary>
public sealed record ReviewChange(int State, bool Leaves, DateOnly Day, SourcePosition Position);

/// <summary>
/// The review of one ATOP alliance open at the end of the release (corpus/reviews/*.yaml): its status after the
/// release, with dates and sources, so the dataset continues it by evidence rather than by assumption.
/// <see cref="Ended"/> is the last day in force.
/// </summary>
public sealed record AtopReview(
    int AtopId,
    string Name,
    ReviewStatus Status,
    DateOnly? Ended,
    IReadOnlyList<ReviewChange> Changes,
    IReadOnlyList<Source> Sources,
    string? Note,
    SourcePosition Position);
