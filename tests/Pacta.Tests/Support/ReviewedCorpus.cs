using Pacta.Authoring;
using Pacta.Datasets;
using Pacta.Datasets.Atop;
using Pacta.Datasets.Modern;
using Pacta.Domain;

namespace Pacta.Tests.Support;

/// <summary>
/// The bundled corpus with its review of the ATOP alliances open at the end of 2018 (corpus/reviews), read once for
/// the review tests of both test projects (ContinuationReviewTests, ReviewCoverageTests), and review files written
/// for a test from entries that each cite the one source every test entry has.
/// </summary>
public static class ReviewedCorpus
{
    /// <summary>The day the review tests take as today: every date of the bundled review lies before it.</summary>
    public static readonly DateOnly Today = new(2026, 12, 1);

    public static readonly Lazy<AtopRelease> Release = new(() => AtopImporter.ImportFolder(Repo.Path("data", "atop")).Release!);

    /// <summary>A loader that knows ATOP's alliance ids (so a review of an alliance ATOP lacks is an error).</summary>
    public static CorpusLoader Loader(DateOnly? today = null) =>
        new(TestCorpus.States, TestCorpus.Locations)
        {
            ExternalAgreementIds = Release.Value.Alliances.Select(a => $"atop-{a.AtopId}").ToHashSet(StringComparer.Ordinal),
            Today = today ?? Today,
        };

    private static readonly Lazy<LoadResult> LoadedCorpus = new(() =>
    {
        var result = Loader().LoadDirectory(Repo.Path("corpus"));
        Assert.True(result.Ok, string.Join('\n', result.Diagnostics.Take(10)));
        return result;
    });

    public static LoadResult Loaded => LoadedCorpus.Value;
    public static Corpus Corpus => Loaded.Corpus!;
    public static IReadOnlyList<AtopReview> Reviews => Loaded.Reviews;
    public static IEnumerable<Agreement> PactaAgreements => Corpus.Agreements.Where(a => a.Origin == AgreementOrigin.Pacta);

    /// <summary>ATOP continued to <paramref name="lastYear"/> under the bundled review (or <paramref name="reviews"/>).</summary>
    public static ContinuousAlliances Continuous(int lastYear, IReadOnlyList<AtopReview>? reviews = null, IReadOnlyList<ReadingChoice>? readings = null) =>
        ContinuousAlliances.Build(Release.Value, PactaAgreements, Corpus, lastYear, reviews: reviews ?? Reviews, readings: readings);

    /// <summary>
    /// A review file (id r) of <paramref name="alliances"/>: each an entry's lines from <c>atop:</c> on, without its
    /// sources, which every entry gets after its own lines (source s). Line 4 is the first entry's <c>atop:</c>.
    /// </summary>
    public static string ReviewFile(params string[] alliances)
    {
        const string Sources = "  sources:\n    - id: s\n      url: https://example.org/s\n      supports: s\n";
        var entries = alliances.Select(a => "- " + string.Join('\n', a.Replace("\r\n", "\n").TrimEnd('\n').Split('\n').Select((l, i) => i == 0 ? l : "  " + l)) + "\n" + Sources);
        return "id: r\ntitle: Review\nalliances:\n" + string.Concat(entries.Select(e => string.Concat(e.Split('\n').Select(l => l.Length == 0 ? "" : "  " + l + "\n"))));
    }

    /// <summary>Loads <paramref name="text"/> as the one review file of an otherwise empty corpus.</summary>
    public static LoadResult LoadReviewFile(string text, DateOnly? today = null)
    {
        var dir = Directory.CreateTempSubdirectory("pacta-review-");
        try
        {
            var reviews = Directory.CreateDirectory(Path.Combine(dir.FullName, "reviews"));
            var file = Path.Combine(reviews.FullName, "r.yaml");
            File.WriteAllText(file, text);
            return Loader(today).Load([file], baseCorpusDir: null);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
