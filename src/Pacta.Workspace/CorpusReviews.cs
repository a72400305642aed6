using Pacta.Domain;

namespace Pacta.Workspace;

/// <summary>
/// The reviews of ATOP alliances open at the release's end (corpus/reviews/*.yaml), read apart from the workspace's
/// corpus (which they do not change) when a dataset runs past the release. Their errors are those of the corpus.
/// Every host's datasets past the release (CLI, web) read them here.
/// </summary>
public static class CorpusReviews
{
    public static IReadOnlyList<AtopReview> Load(PactaWorkspace ws)
    {
        var dir = Path.Combine(ws.CorpusDir, "reviews");
        if (!Directory.Exists(dir)) return [];
        var clock = Environment.GetEnvironmentVariable("PACTA_TIMING") == "1" ? System.Diagnostics.Stopwatch.StartNew() : null;
        var result = ws.Loader.Load([dir], baseCorpusDir: null);
        if (clock is not null) Console.Error.WriteLine($"timing: reviews {clock.ElapsedMilliseconds} ms");
        if (!result.Ok)
        {
            throw new PactaException($"the reviews in {ws.Loader.DisplayPath(dir)} have {result.Diagnostics.Count} error(s); run 'pacta check {ws.CorpusDir}'"
                + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics.Take(20)));
        }
        return result.Reviews;
    }

    /// <summary>
    /// The decisions only (ids, statuses, dates; no names, sources or notes), as the datasets use them: from the
    /// cache beside the workspace snapshot when its key matches, else read as <see cref="Load"/> reads them.
    /// </summary>
    public static IReadOnlyList<AtopReview> LoadDecisions(PactaWorkspace ws)
    {
        var key = ws.UseSnapshot ? ws.SnapshotKey : null;
        if (key is not null && ReviewDecisionCache.TryRead(key) is { } cached) return cached;
        var reviews = Load(ws);
        if (key is not null) ReviewDecisionCache.TryWrite(key, reviews);
        return reviews;
    }
}
