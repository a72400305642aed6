using System.Text.Json.Nodes;
using Pacta.Evaluation.Drafts;

namespace Pacta.Contracts;

/// <summary>
/// JSON of a diff between two versions of an agreement (<c>pacta diff --json</c> and the web's <c>/api/studio/diff</c>):
/// the model's changes field by field, then the outcome diff across the battery, in total and per combination of readings.
/// </summary>
public static class DraftDiffJson
{
    public static JsonObject Of(string aAgreement, string aFile, string bAgreement, string bFile, IReadOnlyList<FieldChange> changes,
        OutcomeDiff outcome, IReadOnlyList<ReadingDiff> byReading)
    {
        var total = Outcome(outcome);
        total.Remove("same");
        return new()
        {
            ["a"] = new JsonObject { ["agreement"] = aAgreement, ["file"] = aFile },
            ["b"] = new JsonObject { ["agreement"] = bAgreement, ["file"] = bFile },
            ["changes"] = new JsonArray([.. changes.Select(c => (JsonNode)Change(c))]),
            ["outcome"] = total,
            ["by_reading"] = new JsonArray([.. byReading.Select(x => (JsonNode)PerReading(x))]),
        };
    }

    private static JsonObject Change(FieldChange c) => new()
    {
        ["where"] = c.Where,
        ["field"] = c.Field,
        ["old"] = c.Old,
        ["new"] = c.New,
        ["text"] = c.ToString(),
    };

    private static JsonObject PerReading(ReadingDiff r)
    {
        var o = new JsonObject { ["readings"] = r.Readings, ["label"] = r.Label };
        foreach (var (k, v) in Outcome(r.Diff)) o[k] = v?.DeepClone();
        return o;
    }

    private static JsonObject Outcome(OutcomeDiff d) => new()
    {
        ["scenarios"] = d.Scenarios,
        ["same"] = d.Same,
        ["added"] = d.Added,
        ["removed"] = d.Removed,
        ["triggers"] = d.Triggers,
        ["deadlines"] = d.Deadlines,
        ["strengths"] = d.Strengths,
        ["decided"] = d.Decided,
        ["undecided"] = d.Undecided,
        ["text"] = d.ToString(),
    };
}
