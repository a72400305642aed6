namespace Pacta.Tests.Support;

/// <summary>
/// The changes after 2018 that the bundled review records (corpus/reviews, with its sources), each as the member
/// whose spell it ends or opens on its day and one directed dyad it changes: one table for the continuous record's
/// spells (ContinuationReviewTests) and for the dyad-years (ReviewCoverageTests), so the two cannot tell different
/// stories. A promise holds in a year when it is in force on at least one day of it (ATOP's year rule): an end on
/// <see cref="Row.Day"/> leaves the promise in its year and drops it the next; a start adds it in its year.
/// </summary>
public static class ReviewedChanges
{
    /// <summary>A member leaves (or a suspension ends it), a member joins (or is readmitted), or the alliance itself ends.</summary>
    public enum Change { Leaves, Joins, Ends }

    /// <param name="Atop">The ATOP alliance the review changes.</param>
    /// <param name="Member">The state whose membership the change ends or opens.</param>
    /// <param name="From">The dyad's first state (who owes the promise).</param>
    /// <param name="To">The dyad's second state (who is owed it).</param>
    /// <param name="Column">The dyad-year column: defense, nonagg or consul.</param>
    public sealed record Row(int Atop, int Member, int From, int To, string Column, string Day, Change Kind, string Note);

    public static readonly Row[] All =
    [
        new(3150, 93, 2, 93, "defense", "2023-11-19", Change.Leaves, "Nicaragua leaves the OAS Charter"),
        new(3150, 101, 2, 101, "defense", "2019-04-27", Change.Leaves, "Venezuela leaves the OAS Charter (the default reading)"),
        new(4875, 369, 365, 369, "consul", "2019-03-31", Change.Ends, "Russia - Ukraine 1997 expires"),
        new(3895, 436, 475, 436, "defense", "2025-01-29", Change.Leaves, "Niger leaves the ECOWAS defence protocol"),
        new(3895, 439, 475, 439, "defense", "2025-01-29", Change.Leaves, "Burkina Faso leaves it too"),
        new(6050, 700, 2, 700, "consul", "2021-08-15", Change.Ends, "the 2012 US - Afghanistan partnership ends"),
        new(3205, 652, 663, 652, "defense", "2023-05-07", Change.Joins, "Syria readmitted to the Arab League (suspended until 2023-05-06)"),
        new(3205, 652, 652, 663, "defense", "2023-05-07", Change.Joins, "and owes Jordan the same again"),
        new(4810, 630, 710, 630, "nonagg", "2023-07-04", Change.Joins, "Iran joins the SCO"),
        new(4810, 370, 750, 370, "consul", "2024-07-04", Change.Joins, "Belarus joins the SCO"),
        new(3755, 255, 800, 255, "nonagg", "2019-11-02", Change.Joins, "Germany accedes to the TAC"),
        new(3755, 560, 560, 850, "nonagg", "2020-11-10", Change.Joins, "South Africa accedes to the TAC (online, Hanoi)"),
        new(3755, 100, 100, 840, "nonagg", "2020-11-10", Change.Joins, "Colombia too"),
        new(3755, 40, 40, 816, "nonagg", "2020-11-10", Change.Joins, "Cuba too"),
        new(3755, 212, 212, 800, "nonagg", "2024-10-10", Change.Joins, "Luxembourg accedes at the Vientiane summits"),
        new(3755, 615, 615, 820, "nonagg", "2025-07-09", Change.Joins, "Algeria accedes (Kuala Lumpur)"),
        new(3755, 165, 165, 820, "nonagg", "2025-07-09", Change.Joins, "Uruguay too"),
        new(3755, 375, 375, 816, "nonagg", "2025-10-25", Change.Joins, "Finland accedes (Kuala Lumpur)"),
        new(3755, 375, 850, 375, "nonagg", "2025-10-25", Change.Joins, "and the old parties owe it the same"),
    ];

    public static DateOnly DayOf(Row row) => DateOnly.ParseExact(row.Day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Promises that end: (from, to, column, the last year with it, the first year without it).</summary>
    public static TheoryData<int, int, string, int, int> Ending()
    {
        var data = new TheoryData<int, int, string, int, int>();
        foreach (var r in All.Where(r => r.Kind != Change.Joins)) data.Add(r.From, r.To, r.Column, DayOf(r).Year, DayOf(r).Year + 1);
        return data;
    }

    /// <summary>Promises that start: (from, to, column, the last year without it, the first year with it).</summary>
    public static TheoryData<int, int, string, int, int> Starting()
    {
        var data = new TheoryData<int, int, string, int, int>();
        foreach (var r in All.Where(r => r.Kind == Change.Joins)) data.Add(r.From, r.To, r.Column, DayOf(r).Year - 1, DayOf(r).Year);
        return data;
    }

    /// <summary>Memberships the review ends or opens: (ATOP id, member, day, change).</summary>
    public static TheoryData<int, int, string, Change> Spells()
    {
        var data = new TheoryData<int, int, string, Change>();
        foreach (var r in All.DistinctBy(r => (r.Atop, r.Member))) data.Add(r.Atop, r.Member, r.Day, r.Kind);
        return data;
    }
}
