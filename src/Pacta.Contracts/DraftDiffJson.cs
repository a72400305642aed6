using System.Text.Json.Nodes;
using Pacta.Evaluation.Drafts;

namespace Pacta.Contracts;

/// <summary>
/// JSON of a diff between two versions of an agreement (<c>pacta diff --json</c> and the web's <c>/api/studio/diff</c>):
/// the model's changes field by field, then the outcome diff across the battery.
/// </summary>
public static class DraftDiffJson
{
    public static JsonObject Of(string aAgreement, string aFile, string bAgreement, string bFile, IReadOnlyList<FieldChange> changes, OutcomeDiff outcome) => new()
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
    };
}
