using System.Globalization;
using Pacta.Datasets.Atop;
using Pacta.Domain;

namespace Pacta.Datasets.Modern;

/// <summary>What the review decided for one ATOP alliance open at the release's end (<c>pacta reviews</c>).</summary>
/// <param name="Decision">
/// <c>continued</c>, <c>ended</c>, <c>changed</c> (members left or joined), <c>suspended</c> (only suspensions), or
/// <c>unreviewed</c> (no review: continued by assumption, marked <c>atop-unreviewed</c> in the datasets).
/// </param>
/// <param name="Detail">The dates: "ended 2019-03-31", "NIC leaves 2023-11-19", "SYR suspended 2011-11-12 .. 2023-05-06".</param>
/// <param name="TakenOverBy">The hand encoding that carries the alliance after the release (<c>related: same-as</c>), if any.</param>
public sealed record ReviewCoverageRow(int AtopId, string Name, string Decision, string Detail, string? TakenOverBy, int Sources, string? Note);

/// <summary>
/// Pairs every ATOP alliance open at the end of the release with its review, so a reviewer sees what each decision
/// rests on and which alliances are still continued by assumption.
/// </summary>
public static class ReviewCoverage
{
    public static readonly string[] Decisions = ["continued", "ended", "changed", "suspended", "unreviewed"];

    /// <summary>The ATOP alliances with a member still in effect at the end of the release (ATOP's open-ended rows).</summary>
    public static IReadOnlyList<int> OpenAtEnd(AtopRelease release) =>
        release.Alliances.Where(a => a.Members.Any(m => m.InEffect)).Select(a => a.AtopId).Order().ToList();

    /// <param name="release">The ATOP release in use.</param>
    /// <param name="reviews">corpus/reviews.</param>
    /// <param name="pactaAgreements">Hand-encoded agreements (those with <c>same-as atop-ID</c> take an alliance over).</param>
    /// <param name="stateCode">Label of a COW code (e.g. ISO3).</param>
    public static IReadOnlyList<ReviewCoverageRow> Build(AtopRelease release, IReadOnlyList<AtopReview> reviews, IEnumerable<Agreement> pactaAgreements,
        Func<int, string> stateCode)
    {
        var byId = reviews.ToDictionary(r => r.AtopId);
        var takeovers = new Dictionary<int, string>();
        foreach (var a in pactaAgreements)
        {
            if (ModernAlliances.SameAsAtop(a) is { } id) takeovers[id] = a.Id;
        }
        var rows = new List<ReviewCoverageRow>();
        foreach (var id in OpenAtEnd(release))
        {
            var taken = takeovers.GetValueOrDefault(id);
            if (!byId.TryGetValue(id, out var r))
            {
                rows.Add(new ReviewCoverageRow(id, "", "unreviewed", "continued by assumption", taken, 0, null));
                continue;
            }
            rows.Add(new ReviewCoverageRow(id, r.Name, Decision(r), Detail(r, stateCode), taken, r.Sources.Count, r.Note));
        }
        return rows;
    }

    /// <summary>The decision kind of a review: a <c>changed</c> review whose changes are all suspensions is <c>suspended</c>.</summary>
    public static string Decision(AtopReview r) => r.Status switch
    {
        ReviewStatus.Ended => "ended",
        ReviewStatus.Changed when r.Changes.All(c => c.Kind == ReviewChangeKind.Suspended) => "suspended",
        ReviewStatus.Changed => "changed",
        _ => "continued",
    };

    private static string Detail(AtopReview r, Func<int, string> code)
    {
        var detail = Decided(r, code);
        // Expected changes no source dates are named, not silently left out (the rows keep them as they were).
        foreach (var g in r.NotCoded.GroupBy(n => n.Reason))
            detail += $"; not coded ({g.Key}): {string.Join(", ", g.Select(n => code(n.State)))}";
        return detail;
    }

    private static string Decided(AtopReview r, Func<int, string> code)
    {
        if (r.Ended is { } end) return "ended " + Day(end);
        if (r.Changes.Count == 0 && r.Contested.Count == 0) return "continued";
        // A contested point follows the shared changes: each reading with what it sets, the default first.
        var contested = r.Contested.Select(c => $"contested {c.Id}: " + string.Join(" / ",
            c.Readings.OrderBy(x => x.Id == c.Default ? 0 : 1).Select(x =>
                $"{x.Id}{(x.Id == c.Default ? " (default)" : "")} {(x.Changes.Count == 0 ? "no change" : Changes(x.Changes, code))}")));
        return string.Join("; ", (r.Changes.Count == 0 ? [] : new[] { Changes(r.Changes, code) }).Concat(contested));
    }

    private static string Changes(IEnumerable<ReviewChange> changes, Func<int, string> code) =>
        string.Join("; ", changes.OrderBy(c => c.Day).Select(c => c.Kind switch
        {
            ReviewChangeKind.Leaves => $"{code(c.State)} leaves {Day(c.Day)}",
            ReviewChangeKind.Joins => $"{code(c.State)} joins {Day(c.Day)}",
            _ => c.Until is { } u ? $"{code(c.State)} suspended {Day(c.Day)} .. {Day(u)}" : $"{code(c.State)} suspended from {Day(c.Day)}",
        }));

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
