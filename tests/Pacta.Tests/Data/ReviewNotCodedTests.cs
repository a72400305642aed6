using Pacta.Authoring;
using Pacta.Datasets;
using Pacta.Datasets.Atop;
using Pacta.Datasets.Modern;
using Pacta.Domain;
using Pacta.Tests.Support;

namespace Pacta.Tests.Data;

/// <summary>
/// <c>not_coded:</c> in the review: the TAC accessions of Spain, Mexico and Hungary, expected (the ASEAN foreign
/// ministers looked forward to them on 2024-10-08) but never reported signed, are recorded as not coded with their
/// sources, stay non-members in the data, and are named in the review's output instead of being left out silently.
/// </summary>
public sealed class ReviewNotCodedTests
{
    private const int Esp = 230, Mex = 70, Hun = 310, Tha = 800, Deu = 255, Idn = 850;

    private static readonly Lazy<AtopRelease> Release = new(() => AtopImporter.ImportFolder(Repo.Path("data", "atop")).Release!);

    private static CorpusLoader Loader() =>
        new(TestCorpus.States, TestCorpus.Locations)
        {
            ExternalAgreementIds = Release.Value.Alliances.Select(a => $"atop-{a.AtopId}").ToHashSet(StringComparer.Ordinal),
            Today = new DateOnly(2026, 12, 1),
        };

    private static readonly Lazy<LoadResult> Loaded = new(() =>
    {
        var result = Loader().LoadDirectory(Repo.Path("corpus"));
        Assert.True(result.Ok, string.Join('\n', result.Diagnostics.Take(10)));
        return result;
    });

    [Fact]
    public void Spain_mexico_and_hungary_are_recorded_as_not_coded_and_stay_out_of_the_tac()
    {
        var tac = Loaded.Value.Reviews.Single(r => r.AtopId == 3755);
        Assert.Equal([Esp, Mex, Hun], tac.NotCoded.Select(n => n.State).ToArray());
        Assert.All(tac.NotCoded, n =>
        {
            Assert.Equal("no source found", n.Reason);
            Assert.Contains("lao-amm-2024", n.Sources);
            Assert.All(n.Sources, id => Assert.Contains(tac.Sources, s => s.Id == id));
        });
        Assert.DoesNotContain(tac.Changes, c => c.State is Esp or Mex or Hun);

        // The data: no TAC row for them; the accessions that are coded add non-aggression only, as ATOP codes 3755.
        var corpus = Loaded.Value.Corpus!;
        var c = ContinuousAlliances.Build(Release.Value, corpus.Agreements.Where(a => a.Origin == AgreementOrigin.Pacta), corpus, 2025, reviews: Loaded.Value.Reviews);
        Assert.DoesNotContain(c.Atop.Single(a => a.Id == 3755).Members, m => m.State is Esp or Mex or Hun);
        var t = c.Table(new YearRange(2020, 2025));
        Assert.Equal(AllianceObligations.None, t.Get(Esp, Tha, 2025) & AllianceObligations.NonAggression);
        Assert.Equal(AllianceObligations.NonAggression, t.Get(Deu, Idn, 2020) & (AllianceObligations)31);

        // The review's output names them (pacta reviews, docs/datasets.md's appendix).
        var rows = ReviewCoverage.Build(Release.Value, Loaded.Value.Reviews, corpus.Agreements.Where(a => a.Origin == AgreementOrigin.Pacta),
            cow => TestCorpus.States.ByCow(cow)?.Code ?? cow.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("; not coded (no source found): ESP, MEX, HUN", rows.Single(r => r.AtopId == 3755).Detail);
    }

    [Fact]
    public void Not_coded_errors_are_located()
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
                  - atop: 3755
                    name: TAC
                    status: changed
                    changes:
                      - state: PER
                        joins: 2019-07-31
                    not_coded:
                      - state: Narnia
                        reason: no source found
                        sources: [s]
                      - state: ESP
                        reason: no source found
                        sources: [nope]
                      - state: MEX
                        sources: [s]
                      - state: Spain
                        reason: no source found
                        sources: [s]
                    sources:
                      - id: s
                        url: https://example.org/s
                        supports: s
                """.Replace("\r\n", "\n"));
            var result = Loader().Load([file], baseCorpusDir: null);
            Assert.False(result.Ok);
            Assert.Equal(
                [("PACTA030", 11, 16), ("PACTA036", 16, 19), ("PACTA004", 17, 9), ("PACTA082", 19, 16)],
                result.Diagnostics.Select(d => (d.Code, d.Line, d.Column)));
            Assert.Contains("reason", result.Diagnostics[2].Message);
            Assert.Contains("listed twice", result.Diagnostics[3].Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
