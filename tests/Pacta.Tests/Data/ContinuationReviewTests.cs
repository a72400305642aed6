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
    private const int Usa = 2, Nic = 93, Ven = 101, Rus = 365, Ukr = 369, Mkd = 343, Deu = 255, Tha = 800, Nir = 436, Bfo = 439, Mli = 432;

    private static readonly Lazy<AtopRelease> Release = new(() => AtopImporter.ImportFolder(Repo.Path("data", "atop")).Release!);

    private static CorpusLoader Loader(DateOnly? today = null) =>
        new(TestCorpus.States, TestCorpus.Locations)
        {
            ExternalAgreementIds = Release.Value.Alliances.Select(a => $"atop-{a.AtopId}").ToHashSet(StringComparer.Ordinal),
            Today = today ?? new DateOnly(2026, 12, 1),
        };

    private static readonly Lazy<LoadResult> Loaded = new(() =>
    {
        var result = Loader().LoadDirectory(Repo.Path("corpus"));
        Assert.True(result.Ok, string.Join('\n', result.Diagnostics.Take(10)));
        return result;
    });

    private static Corpus Corpus => Loaded.Value.Corpus!;
    private static IReadOnlyList<AtopReview> Reviews => Loaded.Value.Reviews;

    private static ContinuousAlliances Continuous(IReadOnlyList<AtopReview>? reviews = null) =>
        ContinuousAlliances.Build(Release.Value, Corpus.Agreements.Where(a => a.Origin == AgreementOrigin.Pacta), Corpus, 2025, reviews: reviews ?? Reviews);

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
        var oas = c.Atop.Single(a => a.Id == 3150);
        Assert.Equal(new DateOnly(2023, 11, 19), oas.Members.Single(m => m.State == Nic && m.From.Year < 2000).To);
        Assert.Equal(new DateOnly(2019, 4, 27), oas.Members.Single(m => m.State == Ven && m.From.Year < 2000).To);
        Assert.All(c.Atop.Single(a => a.Id == 4875).Members, m => Assert.Equal(new DateOnly(2019, 3, 31), m.To));
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
        var dir = Directory.CreateTempSubdirectory("pacta-review-");
        try
        {
            var reviews = Directory.CreateDirectory(Path.Combine(dir.FullName, "reviews"));
            var file = Path.Combine(reviews.FullName, "r.yaml");
            File.WriteAllText(file, """
                id: r
                title: Review
                alliances:
                  - atop: 99999
                    name: no such alliance
                    status: continued
                    sources:
                      - id: s
                        url: https://example.org/s
                        supports: s
                  - atop: 4875
                    name: Russia - Ukraine
                    status: ended
                    ended: 2027-01-01
                    sources:
                      - id: s
                        url: https://example.org/s
                        supports: s
                  - atop: 3150
                    name: OAS
                    status: changed
                    changes:
                      - state: Narnia
                        leaves: 2023-11-19
                    sources:
                      - id: s
                        url: https://example.org/s
                        supports: s
                """.Replace("\r\n", "\n"));
            var result = Loader(new DateOnly(2026, 12, 1)).Load([file], baseCorpusDir: null);
            Assert.False(result.Ok);
            Assert.Empty(result.Reviews);
            Assert.Equal(
                [("PACTA080", 4, 11), ("PACTA081", 14, 12), ("PACTA030", 23, 16)],
                result.Diagnostics.Select(d => (d.Code, d.Line, d.Column)));
            Assert.Contains("ATOP has no alliance 99999", result.Diagnostics[0].Message);
            Assert.Contains("2027-01-01 is outside the reviewed years", result.Diagnostics[1].Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
