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

/// <summary>What happens to one member after the release.</summary>
public enum ReviewChangeKind
{
    /// <summary>The member leaves; <see cref="ReviewChange.Day"/> is its last day as a member.</summary>
    Leaves,

    /// <summary>The member joins; <see cref="ReviewChange.Day"/> is its first day.</summary>
    Joins,

    /// <summary>
    /// The member's participation is suspended from <see cref="ReviewChange.Day"/> (the first day out) to
    /// <see cref="ReviewChange.Until"/> (the last day out; open when still suspended). The datasets count it as no
    /// member meanwhile, as ATOP codes the Arab League's suspensions of Egypt (1979-1989) and Syria (2011).
    /// </summary>
    Suspended,
}

/// <summary>One member leaving, joining or suspended after the release.</summary>
public sealed record ReviewChange(int State, ReviewChangeKind Kind, DateOnly Day, Position Position, DateOnly? Until = null)
{
    public bool Leaves => Kind == ReviewChangeKind.Leaves;
}

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
    Position Position);
