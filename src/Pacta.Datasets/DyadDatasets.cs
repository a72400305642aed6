using Pacta.Datasets.Atop;
using Pacta.Datasets.Modern;
using Pacta.Domain;

namespace Pacta.Datasets;

/// <summary>What <c>pacta dyads</c> computes once the release, states and corpus are loaded (the benchmark times the same calls).</summary>
public static class DyadDatasets
{
    /// <summary>
    /// The directed alliance table for <paramref name="years"/>: ATOP alone inside its coverage (the corpus is
    /// then never asked for), else the continuous record with Pacta's encoding after the release.
    /// </summary>
    public static DirectedDyadTable Table(AtopRelease release, Func<Corpus> corpus, YearRange years, bool includePolitical = false,
        IReadOnlyList<AtopReview>? reviews = null, IReadOnlyList<ReadingChoice>? readings = null)
    {
        if (years.To <= release.CoverageEnd.Year) return AtopDatasets.DirectedTable(release, years);
        return Continuous(release, corpus(), years.To, includePolitical, reviews, readings).Table(years);
    }

    /// <summary>
    /// The continuous record up to <paramref name="lastYear"/> from the corpus's hand-encoded agreements and the
    /// reviews of ATOP alliances open at the release's end, under <paramref name="readings"/> (defaults where none).
    /// </summary>
    public static ContinuousAlliances Continuous(AtopRelease release, Corpus corpus, int lastYear, bool includePolitical = false,
        IReadOnlyList<AtopReview>? reviews = null, IReadOnlyList<ReadingChoice>? readings = null) =>
        ContinuousAlliances.Build(release, corpus.Agreements.Where(a => a.Origin == AgreementOrigin.Pacta), corpus, lastYear, includePolitical, reviews, readings);
}
