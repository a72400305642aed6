using System.Text.Json.Nodes;
using Pacta.Domain;
using Pacta.Evaluation;

namespace Pacta.Contracts;

/// <summary>
/// The <c>answer</c> field of the what-if JSON (<see cref="Answer"/>): per obligor state its strongest triggered
/// obligation, grouped by provision in the order to read them, and every triggered provision in that order.
/// </summary>
public static class AnswerJson
{
    public static JsonObject Of(Answer a) => new()
    {
        ["states"] = new JsonArray(a.States.Select(s => (JsonNode)State(s)).ToArray()),
        ["groups"] = new JsonArray(a.Groups.Select(g => (JsonNode)Group(g)).ToArray()),
    };

    private static JsonObject Group(AnswerGroup g) => new()
    {
        ["agreement"] = g.Agreement.Id,
        ["title"] = ShortName(g.Agreement),
        ["provision"] = g.Provision.Citation,
        ["provision_id"] = g.Provision.Id,
        ["kind"] = Words.Of(g.Kind),
        ["provision_kind"] = WordCache.Of(g.Provision.Kind),
        ["strength"] = WordCache.Of(g.Lead.Obligation.Strength),
        ["bindingness"] = WordCache.Of(g.Agreement.Bindingness),
        ["historical"] = g.Historical,
        ["action"] = g.Lead.Obligation.Action,
        ["deadline"] = Deadline(g.Lead),
        ["immediate"] = Answer.IsImmediate(g.Lead.Obligation),
        ["timing"] = g.Lead.Obligation.Timing,
        ["hypothetical"] = g.Lead.Hypothetical,
        ["count"] = g.States.Count,
        ["states"] = new JsonArray(g.States.Select(s => (JsonNode)JsonShapes.State(s)).ToArray()),
    };

    private static JsonObject State(StateAnswer s)
    {
        var t = s.Strongest;
        return new JsonObject
        {
            ["state"] = JsonShapes.State(s.Obligor),
            ["agreement"] = t.Agreement.Id,
            ["provision"] = t.Provision.Citation,
            ["provision_id"] = t.Provision.Id,
            ["kind"] = Words.Of(Answer.KindOf(t.Provision.Kind)),
            ["strength"] = WordCache.Of(t.Obligation.Strength),
            ["historical"] = Answer.IsHistorical(t.Agreement),
            ["beneficiary"] = JsonShapes.State(t.Beneficiary),
            ["deadline"] = Deadline(t),
            ["immediate"] = Answer.IsImmediate(t.Obligation),
            ["timing"] = t.Obligation.Timing,
            ["hypothetical"] = t.Hypothetical,
            ["obligations"] = s.Obligations,
        };
    }

    /// <summary>The short title, else the title up to its first parenthesis, comma or dash ("The North Atlantic Treaty").</summary>
    public static string ShortName(Agreement a)
    {
        if (a.ShortTitle is { } s) return s;
        var cut = a.Title.IndexOfAny(['(', ',']);
        var dash = a.Title.IndexOf(" - ", StringComparison.Ordinal);
        if (dash > 0 && (cut < 0 || dash < cut)) cut = dash;
        return cut > 0 ? a.Title[..cut].Trim() : a.Title;
    }

    private static string? Deadline(TriggeredObligation t) => t.Deadline?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
}
