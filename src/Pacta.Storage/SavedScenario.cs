namespace Pacta.Storage;

/// <summary>
/// A scenario a user saved: a name and the page state that restores it (kept as the JSON the client sent, so
/// the store does not need to change when the page gains a field).
/// </summary>
public sealed record SavedScenario(string Id, string Name, string Kind, string State, DateTimeOffset Created);
