using Pacta.Domain;

namespace Pacta.Tests.Cascade;

/// <summary>The corpus exactly as the CLI sees it (hand-encoded agreements plus the ATOP alliances), loaded once.</summary>
internal static class CascadeCorpus
{
    private static readonly Lazy<Corpus> Loaded = new(() => Pacta.Workspace.PactaSession.Open().Corpus);

    public static Corpus Corpus => Loaded.Value;
}
