namespace Pacta.Storage;

/// <summary>A page of saved scenarios; <see cref="Next"/> is the cursor of the next page, null on the last.</summary>
public sealed record ScenarioPage(IReadOnlyList<SavedScenario> Items, string? Next);
