using Pacta.Authoring;
using Pacta.Domain;
using Pacta.Workspace;

namespace Pacta.Tests.Support;

/// <summary>The bundled corpus (hand-encoded agreements alone) and data, loaded once for in-process tests.</summary>
public static class TestCorpus
{
    /// <summary>The repository's corpus/ through the workspace, without the start-up cache (the tests read the sources).</summary>
    private static readonly Lazy<PactaWorkspace> Workspace = new(() => new PactaWorkspace(Repo.Path("corpus")) { UseSnapshot = false });

    private static readonly Lazy<Corpus> Loaded = new(() =>
    {
        var result = Loader.LoadDirectory(Repo.Path("corpus"));
        if (!result.Ok) throw new InvalidOperationException("the bundled corpus has errors:\n" + string.Join("\n", result.Diagnostics.Take(30)));
        return result.Corpus!;
    });

    public static StateRegistry States => Workspace.Value.States;
    public static LocationIndex Locations => Workspace.Value.Locations;

    /// <summary>The workspace's loader: its states and locations, and the ATOP alliance ids corpus files may reference.</summary>
    public static CorpusLoader Loader => Workspace.Value.Loader;
    public static Corpus Corpus => Loaded.Value;
}
