using Pacta.Authoring;
using Pacta.Datasets;
using Pacta.Datasets.Atop;
using Pacta.Datasets.Modern;
using Pacta.Domain;
using Pacta.Tests.Support;

namespace Pacta.Tests.Data;

/// <summary>
/// The review of ATOP alliances open at the end of 2018 (corpus/reviews): read with located errors, applied to the
/// continuous record, and every alliance without a review marked as continued by assumption.
/// </summary>
public sealed class ContinuationReviewTests
{
    private const int Usa = 2, Nic = 93, Rus = 365, Ukr = 369, Mkd = 343, Deu = 255, Tha = 800, Nir = 436, Bfo = 439, Mli = 432;

    private static Lazy<AtopRelease> Release => ReviewedCorpus.Release;
    private static Corpus Corpus => ReviewedCorpus.Corpus;
    private static IReadOnlyList<AtopReview> Reviews => ReviewedCorpus.Reviews;

    private static ContinuousAlliances Continuous(IReadOnlyList<AtopReview>? reviews = null) => ReviewedCorpus.Continuous(2025, reviews);

    [Fact]
    public void The_bundled_review_covers_the_reference_list_and_only_alliances_open_at_the_end_of_2018()
    {
        Assert.Subset(Reviews.Select(r => r.AtopId).ToHashSet(), new HashSet<int> { 3150, 3180, 3395, 3410, 3730, 3755, 3810, 3895, 4175, 4220, 4875, 4940, 4968 });
        var end = Release.Value.CoverageEnd;
        foreach (var r in Reviews)
        {
            var alliance = Release.Value.Alliances.Single(a => a.AtopId == r.AtopId);
            Assert.True(alliance.Members.Any(m => m.InEffect), $"ATOP {r.AtopId} is not open at {end:yyyy-MM-dd}");
            Assert.NotEmpty(r.Sources);
        }
        var rus = Reviews.Single(r => r.AtopId == 4875);
        Assert.Equal((ReviewStatus.Ended, new DateOnly(2019, 3, 31)), (rus.Status, rus.Ended));
        Assert.Contains(Reviews.Single(r => r.AtopId == 3150).Changes, c => c is { State: Nic, Leaves: true } && c.Day == new DateOnly(2023, 11, 19));
    }

    [Fact]
    public void Reviewed_changes_end_and_open_memberships()
    {
        var c = Continuous();
        // ECOWAS: the three Sahel states leave the 1978 protocol; Mali was never in the 1981 one.
        Assert.All(c.Atop.Single(a => a.Id == 3810).Members.Where(m => m.State is Mli or Nir or Bfo && m.To is not null && m.To.Value.Year > 2018),
            m => Assert.Equal(new DateOnly(2025, 1, 29), m.To));
        Assert.Equal(3, c.Atop.Single(a => a.Id == 3810).Members.Count(m => m.To == new DateOnly(2025, 1, 29)));
        Assert.Equal(2, c.Atop.Single(a => a.Id == 3895).Members.Count(m => m.To == new DateOnly(2025, 1, 29)));
        // A member that joins gets the promises of the alliance's members (TAC: non-aggression).
        var tac = c.Atop.Single(a => a.Id == 3755);
        var deu = tac.Members.Single(m => m.State == Deu);
        Assert.Equal((new DateOnly(2019, 11, 2), (DateOnly?)null, AllianceObligations.NonAggression), (deu.From, deu.To, deu.Obligations));
        var t = c.Table(new YearRange(2018, 2025));
        Assert.Equal(AllianceObligations.None, t.Get(Deu, Tha, 2018) & AllianceObligations.NonAggression);
        Assert.True(t.Get(Deu, Tha, 2019).HasFlag(AllianceObligations.NonAggression));
    }

    // Each change of the shared table (ReviewedChanges): the member's spell ends or opens on the day; an alliance that
    // ends ends every spell on it.
    [Theory]
    [MemberData(nameof(ReviewedChanges.Spells), MemberType = typeof(ReviewedChanges))]
    public void A_reviewed_change_ends_or_opens_the_membership_on_its_day(int atop, int member, string day, ReviewedChanges.Change change)
    {
        var on = DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var members = Continuous().Atop.Single(a => a.Id == atop).Members;
        switch (change)
        {
            case ReviewedChanges.Change.Ends:
                Assert.All(members, m => Assert.Equal(on, m.To));
                break;
            case ReviewedChanges.Change.Leaves:
                Assert.Contains(members, m => m.State == member && m.From.Year < 2019 && m.To == on);
                break;
            default:
                Assert.Contains(members, m => m.State == member && m.From == on);
                break;
        }
    }

    [Fact]
    public void Alliances_without_a_review_or_an_encoding_are_marked_unreviewed_after_2018_only()
    {
        // The bundled review covers every open alliance; without the Helsinki Final Act's entry it is unreviewed.
        var c = Continuous(Reviews.Where(r => r.AtopId != 3740).ToList());
        var unreviewed = c.Unreviewed!;
        Assert.Contains(3740, unreviewed); // the Helsinki Final Act: open, no review yet
        foreach (var id in new[] { 3150, 4875, 3755, 3180, 4175, 4220, 4940 }) Assert.DoesNotContain(id, unreviewed);
        var t = c.Table(new YearRange(2017, 2025));
        Assert.Equal(AllianceObligations.None, t.Get(Rus, Ukr, 2018) & AllianceObligations.Unreviewed);
        Assert.True(t.Get(Rus, Ukr, 2020).HasFlag(AllianceObligations.Unreviewed | AllianceObligations.NonAggression));
        Assert.Equal(DyadOrigin.AtopUnreviewed, DyadOrigins.Of(t.Get(Rus, Ukr, 2020), 2020));
        Assert.Equal(DyadOrigin.AtopReviewed, DyadOrigins.Of(t.Get(Usa, Nic, 2020), 2020));
        Assert.Equal(DyadOrigin.Atop, DyadOrigins.Of(t.Get(Usa, Nic, 2018), 2018));
        // Without the review everything open is unreviewed, and Russia–Ukraine keeps its 1997 consultation.
        var none = Continuous([]);
        Assert.Contains(4875, none.Unreviewed!);
        Assert.True(none.Table(new YearRange(2020, 2020)).Get(Rus, Ukr, 2020).HasFlag(AllianceObligations.Consultation));
        Assert.False(t.Get(Rus, Ukr, 2020).HasFlag(AllianceObligations.Consultation));
    }

    [Fact]
    public void North_Macedonia_follows_the_NATO_encoding_not_the_review()
    {
        // NATO is taken over by north-atlantic-treaty-1949 (same-as atop-3180): accession by deposit, 2020-03-27.
        var t = Continuous().Table(new YearRange(2019, 2021));
        Assert.Equal(AllianceObligations.None, t.Get(Usa, Mkd, 2019) & AllianceObligations.Defense);
        Assert.True(t.Get(Usa, Mkd, 2020).HasFlag(AllianceObligations.Defense | AllianceObligations.Pacta));
    }

    [Fact]
    public void Review_errors_are_located()
    {
        var result = ReviewedCorpus.LoadReviewFile(ReviewedCorpus.ReviewFile(
            """
            atop: 99999
            name: no such alliance
            status: continued
            """,
            """
            atop: 4875
            name: Russia - Ukraine
            status: ended
            ended: 2027-01-01
            """,
            """
            atop: 3150
            name: OAS
            status: changed
            changes:
              - state: Narnia
                leaves: 2023-11-19
            """));
        Assert.False(result.Ok);
        Assert.Empty(result.Reviews);
        Assert.Equal(
            [("PACTA080", 4, 11), ("PACTA081", 14, 12), ("PACTA030", 23, 16)],
            result.Diagnostics.Select(d => (d.Code, d.Line, d.Column)));
        Assert.Contains("ATOP has no alliance 99999", result.Diagnostics[0].Message);
        Assert.Contains("2027-01-01 is outside the reviewed years", result.Diagnostics[1].Message);
    }
}
