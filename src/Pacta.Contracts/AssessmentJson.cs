using System.Globalization;
using System.Text.Json.Nodes;
using Pacta.Domain;
using Pacta.Evaluation.Drafts;

namespace Pacta.Contracts;

/// <summary>
/// JSON of a draft's assessment (<c>pacta assess --json</c> and the web's <c>/api/studio/assess</c>): the counts, then
/// each scenario class (the rows of <c>pacta assess</c>'s table, <see cref="ClassSummary"/>), then every scenario with
/// the duties the draft gives and what it adds over the agreements in force.
/// </summary>
public static class AssessmentJson
{
    public static JsonObject Of(string agreement, string file, IReadOnlyList<ScenarioResult> results) => Of(agreement, file, results, ClassSummary.Of(results));

    public static JsonObject Of(string agreement, string file, IReadOnlyList<ScenarioResult> results, ClassSummary summary) => new()
    {
        ["agreement"] = agreement,
        ["file"] = file,
        ["scenarios"] = results.Count,
        ["gaps"] = results.Count(x => x.Coverage == Coverage.Gap),
        ["undecided"] = results.Count(x => x.Coverage == Coverage.Undecided),
        ["draft_obliges"] = results.Count(x => x.Draft.Count > 0),
        ["adds"] = results.Count(x => x.AddedObligations > 0),
        // Each combination of readings once, in words (a result's "readings" names its combination by the short form, a
        // class's "reading_key" by the key).
        ["reading_labels"] = new JsonArray([.. summary.ReadingKeys.Select(k => (JsonNode)new JsonObject { ["key"] = k.Key, ["readings"] = k.Readings, ["label"] = k.Label })]),
        ["classes"] = new JsonArray([.. summary.Classes.Select(c => (JsonNode)Class(c))]),
        ["results"] = new JsonArray([.. results.Select(x => (JsonNode)Result(x))]),
    };

    private static JsonObject Class(ScenarioClass c) => new()
    {
        ["target"] = c.Target,
        ["attacker"] = c.Attacker,
        ["attacker_why"] = c.AttackerWhy,
        ["ceasefire"] = c.Ceasefire,
        ["kind"] = Words.Of(c.Kind),
        ["attributes"] = c.AttributeCase,
        ["readings"] = c.Readings.Readings,
        ["reading_key"] = c.Readings.Key,
        ["scenarios"] = c.Scenarios,
        ["draft_obliges"] = c.DraftObliges,
        ["draft"] = new JsonArray([.. c.Draft.Select(d => (JsonNode)new JsonObject
        {
            ["obligor"] = d.Who,
            ["strength"] = Words.Of(d.Strength),
            ["bindingness"] = Words.Of(d.Bindingness),
            ["deadline"] = d.Deadline,
            ["undecided"] = d.Undecided,
            ["scenarios"] = d.Scenarios,
            ["text"] = d.Text,
        })]),
        ["draft_text"] = c.DraftText,
        ["gaps"] = c.Gaps,
        ["undecided"] = c.Undecided,
        ["adds"] = new JsonArray([.. c.Adds.Select(a => (JsonNode)new JsonObject { ["obligor"] = a.Who, ["what"] = Words.Of(a.What) })]),
        ["adds_text"] = c.AddsText,
    };

    private static JsonObject Result(ScenarioResult x) => new()
    {
        ["target"] = x.Scenario.Target.Code,
        ["attacker"] = x.Scenario.Attacker.Code,
        ["attacker_why"] = x.Scenario.AttackerWhy,
        ["place_class"] = x.Scenario.PlaceClass,
        ["place"] = x.Scenario.Place.Code,
        ["date"] = x.Scenario.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["ceasefire"] = x.Scenario.Ceasefire,
        ["kind"] = Words.Of(x.Scenario.Kind),
        ["attributes"] = x.Scenario.AttributeCase,
        ["readings"] = x.Scenario.ReadingText,
        ["coverage"] = Words.Of(x.Coverage),
        ["draft"] = new JsonArray([.. x.Draft.Select(d => (JsonNode)Duty(d))]),
        ["added_obligors"] = new JsonArray([.. x.AddedObligors.Select(o => (JsonNode)o!)]),
        ["additions"] = new JsonArray([.. x.Additions.Select(a => (JsonNode)new JsonObject { ["obligor"] = a.Who, ["what"] = Words.Of(a.What) })]),
        ["added_obligations"] = x.AddedObligations,
        ["obligations_with_draft"] = x.All.Count,
        ["obligations_without_draft"] = x.Without.Count,
    };

    private static JsonObject Duty(DutyFound d) => new()
    {
        ["agreement"] = d.Agreement,
        ["provision"] = d.Provision,
        // The provision's kind, which the "defense" addition reads (a result's own "kind" is the event's).
        ["provision_kind"] = Words.Of(d.Kind),
        ["obligor"] = d.Who,
        ["action"] = d.Action,
        ["strength"] = Words.Of(d.Strength),
        ["bindingness"] = Words.Of(d.Bindingness),
        ["deadline"] = d.Deadline,
        ["by"] = d.DeadlineText,
        ["undecided"] = new JsonArray([.. d.UndecidedBy.Select(u => (JsonNode)u!)]),
    };
}
