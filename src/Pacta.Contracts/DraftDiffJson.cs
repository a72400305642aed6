using System.Text.Json.Nodes;
using Pacta.Evaluation.Drafts;

namespace Pacta.Contracts;

/// <summary>
/// JSON of a diff between two versions of an agreement (<c>pacta diff --json</c> and the web's <c>/api/studio/diff</c>):
/// the model's changes field by field, then the outcome diff across the battery, in total and per combination of readings.
/// </summary>
public static class DraftDiffJson
{
    public static JsonObject Of(string aAgreement, string aFile, string bAgreement, string bFile, IReadOnlyList<FieldChange> changes, OutcomeDiff outcome,
        IReadOnlyList<(string Readings, OutcomeDiff Diff)> byReading) => new()
    {
        ["a"] = new JsonObject { ["agreement"] = aAgreement, ["file"] = aFile },
        ["b"] = new JsonObject { ["agreement"] = bAgreement, ["file"] = bFile },
        ["changes"] = new JsonArray([.. changes.Select(c => (JsonNode)new JsonObject
        {
            ["where"] = c.Where,
            ["field"] = c.Field,
            ["old"] = c.Old,
            ["new"] = c.New,
            ["text"] = c.ToString(),
        })]),
        ["outcome"] = new JsonObject
        {
            ["scenarios"] = outcome.Scenarios,
            ["added"] = outcome.Added,
            ["removed"] = outcome.Removed,
            ["triggers"] = outcome.Triggers,
            ["deadlines"] = outcome.Deadlines,
            ["strengths"] = outcome.Strengths,
            ["decided"] = outcome.Decided,
            ["undecided"] = outcome.Undecided,
            ["text"] = outcome.ToString(),
        },
        ["by_reading"] = new JsonArray([.. byReading.Select(x => (JsonNode)new JsonObject
        {
            ["readings"] = x.Readings,
            ["scenarios"] = x.Diff.Scenarios,
            ["same"] = x.Diff.Same,
            ["added"] = x.Diff.Added,
            ["removed"] = x.Diff.Removed,
            ["triggers"] = x.Diff.Triggers,
            ["deadlines"] = x.Diff.Deadlines,
            ["strengths"] = x.Diff.Strengths,
            ["decided"] = x.Diff.Decided,
            ["undecided"] = x.Diff.Undecided,
            ["text"] = x.Diff.ToString(),
        })]),
    };
}
