namespace Pacta.Domain;

/// <summary>
/// Chooses the readings of the reviews' contested points for the datasets (<c>pacta dyads|state-years --reading</c>),
/// in the form of the corpus's choices: <c>CLAUSE=READING</c>, or <c>atop-ID:CLAUSE=READING</c> for one review.
/// </summary>
public static class ReviewReadings
{
    /// <summary>Why <paramref name="c"/> names no reading of the reviews, or null when it does.</summary>
    public static string? Check(ReadingChoice c, IReadOnlyList<AtopReview> reviews)
    {
        var scoped = reviews.Where(r => r.Contested.Count > 0).ToList();
        var all = scoped.SelectMany(r => r.Contested.Select(x => x.Id)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (c.Provision is not null) return $"'{c}': a review has no provisions; use atop-ID:CLAUSE=READING";
        if (c.Agreement is not null)
        {
            if (scoped.FirstOrDefault(r => r.ScopeId == c.Agreement) is not { } one)
                return $"no reviewed alliance '{c.Agreement}' with a contested point{Suggest.DidYouMean(c.Agreement, scoped.Select(r => r.ScopeId))}";
            scoped = [one];
        }
        var named = scoped.SelectMany(r => r.Contested).Where(x => x.Id == c.Clause).ToList();
        if (named.Count == 0)
            return $"no contested point '{c.Clause}' in the reviews{Suggest.DidYouMean(c.Clause, all)} (contested points: {(all.Count == 0 ? "none" : string.Join(", ", all))})";
        if (named.All(x => x.Find(c.Reading) is null))
        {
            var readings = named.SelectMany(x => x.Readings.Select(r => r.Id)).Distinct().ToList();
            return $"'{c.Clause}' has no reading '{c.Reading}'{Suggest.DidYouMean(c.Reading, readings)} (readings: {string.Join(", ", readings)})";
        }
        return null;
    }

    /// <summary>The reviews under <paramref name="choices"/>, each contested point resolved (to its default where no choice names it).</summary>
    public static IReadOnlyList<AtopReview> Apply(IReadOnlyList<AtopReview> reviews, IReadOnlyList<ReadingChoice> choices) =>
        reviews.Any(r => r.Contested.Count > 0) ? [.. reviews.Select(r => r.Under(choices))] : reviews;

    /// <summary>The reading applied to every contested point: (review scope, clause, reading, whether it is the default).</summary>
    public static IReadOnlyList<(string Scope, string Clause, string Reading, bool IsDefault)> Applied(IReadOnlyList<AtopReview> reviews, IReadOnlyList<ReadingChoice> choices) =>
        [.. reviews.SelectMany(r => r.Contested.Select(c => (r.ScopeId, c.Id, c.Choose(r.ScopeId, choices), c.Choose(r.ScopeId, choices) == c.Default)))];
}
