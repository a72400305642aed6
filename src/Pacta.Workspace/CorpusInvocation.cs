using Pacta.Evaluation.Cascade;

namespace Pacta.Workspace;

/// <summary>
/// The invocation rules of the cascade: the overlays under corpus/invocation/ (read apart from the corpus, which they
/// do not change) and the adversaries the ATOP release names (STATTHR1/2). Their errors are those of the corpus.
/// </summary>
public static class CorpusInvocation
{
    public static InvocationRules Load(PactaWorkspace ws)
    {
        var dir = Path.Combine(ws.CorpusDir, "invocation");
        var overlays = Array.Empty<Pacta.Domain.InvocationTerms>() as IReadOnlyList<Pacta.Domain.InvocationTerms>;
        if (Directory.Exists(dir))
        {
            var result = ws.Loader.Load([dir], baseCorpusDir: ws.CorpusDir);
            if (!result.Ok)
            {
                throw new PactaException($"the invocation overlays in {ws.Loader.DisplayPath(dir)} have {result.Diagnostics.Count} error(s); run 'pacta check {ws.CorpusDir}'"
                    + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics.Take(20)));
            }
            overlays = result.Invocations;
        }
        var threats = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        foreach (var a in ws.Atop.Alliances)
        {
            var named = new[] { a.StatThr1, a.StatThr2 }.Where(c => c is > 0).Select(c => c!.Value).Distinct().ToList();
            if (named.Count > 0) threats[$"atop-{a.AtopId}"] = named;
        }
        return new InvocationRules(overlays, threats);
    }
}
