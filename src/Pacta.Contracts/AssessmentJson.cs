using System.Globalization;
using System.Text.Json.Nodes;
using Pacta.Domain;
using Pacta.Evaluation.Drafts;

namespace Pacta.Contracts;

/// <summary>
/// JSON of a draft's assessment (<c>pacta assess --json</c> and the web's <c>/api/studio/assess</c>): the counts, then
/// every scenario with the duties the draft gives and what it adds over the agreements in force.
/// </summary>
public static class AssessmentJson
{
    public static JsonObject Of(string agreement, string file, IReadOnlyList<ScenarioResult> results) => new()
    {
        ["agreement"] = agreement,
        ["file"] = file,
        ["scenarios"] = results.Count,
        ["gaps"] = results.Count(x => x.Coverage == Coverage.Gap),
        ["undecided"] = results.Count(x => x.Coverage == Coverage.Undecided),
        ["draft_obliges"] = results.Count(x => x.Draft.Count > 0),
        ["adds"] = results.Count(x => x.AddedObligations > 0),
        // Each combination of readings once, in words (a result's "readings" names its combination by the short form).
        ["reading_labels"] = new JsonArray([.. results.Select(x => x.Scenario).DistinctBy(s => s.ReadingText, StringComparer.Ordinal)
            .Select(s => (JsonNode)new JsonObject { ["readings"] = s.ReadingText, ["label"] = s.ReadingLabel })]),
        ["results"] = new JsonArray([.. results.Select(x => (JsonNode)Result(x))]),
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
        ["obligor"] = d.Who,
        ["action"] = d.Action,
        ["strength"] = Words.Of(d.Strength),
        ["bindingness"] = Words.Of(d.Bindingness),
        ["deadline"] = d.Deadline,
        ["by"] = d.DeadlineText,
        ["undecided"] = new JsonArray([.. d.UndecidedBy.Select(u => (JsonNode)u!)]),
    };
}
