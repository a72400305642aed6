using Pacta.Authoring;
using Pacta.Authoring.Data;
using Pacta.Domain;

namespace Pacta.Tests.Support;

/// <summary>The bundled corpus and data, loaded once for in-process tests.</summary>
public static class TestCorpus
{
    private static readonly Lazy<(StateRegistry States, LocationIndex Locations)> Data = new(() => (
        StateData.Load(Repo.Path("data", "states", "states.csv"), Repo.Path("data", "states", "aliases.csv")),
        LocationData.Load(Repo.Path("data", "locations", "locations.csv"), Repo.Path("data", "locations", "regions.yaml"))
            .WithHistory(SovereigntyData.Load(Repo.Path("data", "locations", "sovereignty.csv")))));

    private static readonly Lazy<Corpus> Loaded = new(() =>
    {
        var result = Loader.LoadDirectory(Repo.Path("corpus"));
        if (!result.Ok) throw new InvalidOperationException("the bundled corpus has errors:\n" + string.Join("\n", result.Diagnostics.Take(30)));
        return result.Corpus!;
    });

    public static StateRegistry States => Data.Value.States;
    public static LocationIndex Locations => Data.Value.Locations;
    /// <summary>The bundled ATOP release's alliance ids, which corpus files may reference (same-as, supersedes).</summary>
    private static readonly Lazy<IReadOnlySet<string>> AtopIds = new(() =>
        Pacta.Datasets.Atop.AtopImporter.ImportFolder(Repo.Path("data", "atop")).Release!.Alliances.Select(a => $"atop-{a.AtopId}").ToHashSet());

    public static CorpusLoader Loader => new(States, Locations) { ExternalAgreementIds = AtopIds.Value };
    public static Corpus Corpus => Loaded.Value;
}
