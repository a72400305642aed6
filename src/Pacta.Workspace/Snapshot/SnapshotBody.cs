using Pacta.Datasets.Atop;
using Pacta.Domain;

namespace Pacta.Workspace.Snapshot;

/// <summary>
/// Everything the snapshot holds, as the model types themselves; <see cref="SnapshotCodec"/> is generated from them,
/// so a field added to the model is carried without touching this folder (<c>ModelRoundTripTests</c> fails if not).
/// </summary>
internal sealed record SnapshotBody(
    IReadOnlyList<State> States,
    IReadOnlyDictionary<string, int> Aliases,
    IReadOnlyList<Location> Locations,
    IReadOnlyList<Region> Regions,
    IReadOnlyList<SovereigntySpell> History,
    AtopRelease Atop,
    IReadOnlyList<Agreement> Agreements,
    IReadOnlyList<Organization> Organizations,
    IReadOnlyList<Conflict> Conflicts,
    IReadOnlyList<SeaAirArea> SeaAir)
{
    public static SnapshotBody Of(WorkspaceData d) => new(
        d.States.All,
        d.States.Aliases,
        d.Locations.All.ToList(),
        d.Locations.Regions.ToList(),
        d.Locations.History.ToList(),
        d.Atop,
        d.Corpus.Agreements,
        d.Corpus.Organizations,
        d.Corpus.Conflicts,
        d.Locations.SeaAirAreas.ToList());

    /// <summary>The lookups (registry, location index, corpus) rebuilt from the lists, as loading builds them.</summary>
    public WorkspaceData ToData()
    {
        var registry = new StateRegistry(States, Aliases);
        var index = new LocationIndex(Locations, Regions, History, SeaAir);
        return new WorkspaceData(registry, index, Atop, new Corpus(Agreements, Organizations, Conflicts, registry, index));
    }
}
