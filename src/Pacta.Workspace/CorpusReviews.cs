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
        var result = ws.Loader.Load([dir], baseCorpusDir: null);
        if (!result.Ok)
        {
            throw new PactaException($"the reviews in {ws.Loader.DisplayPath(dir)} have {result.Diagnostics.Count} error(s); run 'pacta check {ws.CorpusDir}'"
                + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics.Take(20)));
        }
        return result.Reviews;
    }
}
