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
    Position Position)
{
    /// <summary>
    /// Where the sources disagree on a member's changes (e.g. whether Venezuela left the OAS Charter): each clause
    /// adds the changes of the reading chosen for it to <see cref="Changes"/>, which hold what all readings share.
    /// </summary>
    public IReadOnlyList<ReviewContest> Contested { get; init; } = [];

    /// <summary>
    /// States expected to change membership (e.g. announced accessions) whose change the review could not date from a
    /// source: not coded, so the datasets leave them as they were, and <c>pacta reviews</c> says so rather than
    /// omitting them silently.
    /// </summary>
    public IReadOnlyList<ReviewNotCoded> NotCoded { get; init; } = [];

    /// <summary>The agreement id a reading choice scopes this review by (<c>atop-3150:CLAUSE=READING</c>).</summary>
    public string ScopeId => $"atop-{AtopId}";

    /// <summary>The review under <paramref name="choices"/> (defaults where none names a clause): its changes with the chosen readings' added.</summary>
    public AtopReview Under(IReadOnlyList<ReadingChoice> choices)
    {
        if (Contested.Count == 0) return this;
        var changes = new List<ReviewChange>(Changes);
        foreach (var clause in Contested) changes.AddRange(clause.Find(clause.Choose(ScopeId, choices))!.Changes);
        return this with { Changes = changes, Contested = [] };
    }
}

/// <summary>
/// A contested point of a review: the question, its readings (each with the member changes it implies, possibly
/// none), the default and why.
/// </summary>
public sealed record ReviewContest(string Id, string Question, string Default, string DefaultReason, IReadOnlyList<ReviewReading> Readings, Position Position)
{
    public ReviewReading? Find(string reading) => Readings.FirstOrDefault(r => r.Id == reading);

    /// <summary>The most specific choice naming this clause (scoped to <paramref name="scope"/> or general), else the default.</summary>
    public string Choose(string scope, IReadOnlyList<ReadingChoice> choices)
    {
        string? general = null, scoped = null;
        foreach (var c in choices)
        {
            if (c.Clause != Id || c.Provision is not null || Find(c.Reading) is null) continue;
            if (c.Agreement is null) general = c.Reading;
            else if (c.Agreement == scope) scoped = c.Reading;
        }
        return scoped ?? general ?? Default;
    }
}

/// <summary>One reading of a review's contested point: what it says, its sources, and the member changes it sets.</summary>
public sealed record ReviewReading(string Id, string Summary, IReadOnlyList<string> Sources, IReadOnlyList<ReviewChange> Changes, Position Position);

/// <summary>
/// A state whose expected change the review did not code (<c>not_coded:</c>): why (e.g. no signature found), and the
/// sources that show the change was expected or that it had not happened by a date.
/// </summary>
public sealed record ReviewNotCoded(int State, string Reason, IReadOnlyList<string> Sources, Position Position);
