using System.Text.Json.Nodes;
using Pacta.Domain;
using Pacta.Evaluation;

namespace Pacta.Contracts;

/// <summary>The <c>what-if</c> JSON contract (shared/design/model.md), plus a few extra fields consumers may ignore.</summary>
public static class OutcomeJson
{
    public static JsonObject Outcome(Corpus corpus, Outcome o) => new()
    {
        ["event"] = Event(o.Event),
        ["assumptions"] = Assumptions(corpus, o.Assumptions),
        ["triggered"] = new JsonArray(o.Triggered.Select(t => (JsonNode)Triggered(corpus, t)).ToArray()),
        ["breached"] = new JsonArray(o.Breached.Select(b => (JsonNode)new JsonObject
        {
            ["agreement"] = b.Agreement.Id,
            ["provision"] = b.Provision.Citation,
            ["provision_id"] = b.Provision.Id,
            ["obligor"] = JsonShapes.State(b.Obligor),
            ["beneficiary"] = JsonShapes.State(b.Beneficiary),
            ["explanation"] = Tree(b.Explanation),
        }).ToArray()),
        ["not_triggered"] = new JsonArray(o.NotTriggered.Select(n => (JsonNode)new JsonObject
        {
            ["agreement"] = n.Agreement.Id,
            ["provision"] = n.Provision.Citation,
            ["provision_id"] = n.Provision.Id,
            ["reason"] = n.Reason,
            ["explanation"] = Tree(n.Explanation),
        }).ToArray()),
    };

    public static JsonObject Event(Event e) => new()
    {
        ["kind"] = Words.Of(e.Kind),
        ["attacker"] = JsonShapes.State(e.Attacker),
        ["target"] = JsonShapes.State(e.Target),
        ["date"] = e.Time is { } t ? $"{e.Date:yyyy-MM-dd}T{t:HH:mm}:00Z" : e.Date.ToString("yyyy-MM-dd"),
        ["location"] = e.Location.Code,
    };

    public static JsonObject Assumptions(Corpus corpus, Assumptions a) => new()
    {
        ["ceasefires"] = new JsonArray(a.Ceasefires.Select(c => (JsonNode)new JsonObject { ["conflict"] = c.Conflict, ["from"] = c.From.ToString("yyyy-MM-dd") }).ToArray()),
        ["adopted"] = new JsonArray(a.Adopted.Select(x => (JsonNode)new JsonObject { ["agreement"] = x.Agreement, ["from"] = JsonShapes.Date(x.From) }).ToArray()),
        ["members"] = new JsonArray(a.Members.Select(m => (JsonNode)new JsonObject
        {
            ["state"] = JsonShapes.State(corpus.States, m.State),
            ["of"] = m.AgreementOrOrganization,
            ["from"] = JsonShapes.Date(m.From),
        }).ToArray()),
    };

    public static JsonObject Triggered(Corpus corpus, TriggeredObligation t) => new()
    {
        ["agreement"] = t.Agreement.Id,
        ["provision"] = t.Provision.Citation,
        ["provision_id"] = t.Provision.Id,
        ["kind"] = Words.Of(t.Provision.Kind),
        ["obligor"] = JsonShapes.State(t.Obligor),
        ["beneficiary"] = JsonShapes.State(t.Beneficiary),
        ["action"] = t.Obligation.Action,
        ["strength"] = Words.Of(t.Obligation.Strength),
        ["bindingness"] = Words.Of(t.Agreement.Bindingness),
        ["deadline"] = t.Deadline?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
        ["firmness"] = t.Obligation.Deadline is null ? null : Words.Of(t.Obligation.Firmness),
        ["timing"] = t.Obligation.Timing,
        ["hypothetical"] = t.Hypothetical,
        ["assistance"] = JsonShapes.Strings(t.Obligation.Assistance.Select(Words.Of)),
        ["amounts"] = JsonShapes.Amounts(t.Obligation.Amounts),
        ["conditions"] = JsonShapes.Conditions(corpus, t.Conditions),
        ["explanation"] = Tree(t.Explanation),
    };

    public static JsonObject Tree(Explanation e) => new()
    {
        ["check"] = e.Check,
        ["result"] = e.Result switch { CheckResult.Met => "met", CheckResult.NotMet => "not met", _ => "unknown" },
        ["source"] = e.Source is { } s ? new JsonObject
        {
            ["agreement"] = s.Agreement,
            ["provision"] = s.Provision,
            ["file"] = s.File,
            ["line"] = s.Line,
        } : null,
        ["children"] = new JsonArray(e.Children.Select(c => (JsonNode)Tree(c)).ToArray()),
    };
}
