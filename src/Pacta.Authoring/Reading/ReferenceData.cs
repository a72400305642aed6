using Pacta.Domain;

namespace Pacta.Authoring.Reading;

/// <summary>What agreement files may refer to: states, locations, and the ids of organizations and conflicts.</summary>
public sealed record ReferenceData(
    StateRegistry States,
    LocationIndex Locations,
    IReadOnlyDictionary<string, Organization> Organizations,
    IReadOnlySet<string> Conflicts);
