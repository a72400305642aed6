using System.Text.Json.Nodes;
using Pacta.Domain;

namespace Pacta.Web.Api;

/// <summary>
/// <c>/api/event-attributes</c>: every event attribute a threshold or void-if of the hand-encoded corpus asks about,
/// with the clauses that use it, so the what-if form offers exactly those (yes / no / unknown) instead of a fixed list.
/// </summary>
public static class EventAttributeRoutes
{
    public static void Map(RouteGroupBuilder api, ServeData data)
    {
        JsonObject? made = null;
        api.MapGet("/event-attributes", () => Json.Of(made ??= Listing(data.Session.HandEncoded)))
        .WithSummary("The event attributes the corpus's thresholds and void-if conditions ask about")
        .WithDescription("Each attribute name (as `event_attributes` on /api/what-if takes it) with the agreements, provisions and clauses (`threshold` or `void_if`) that use it, and their words.");
    }

    public static JsonObject Listing(Corpus corpus)
    {
        var uses = new SortedDictionary<string, JsonArray>(StringComparer.Ordinal);
        void Add(string name, Agreement a, Provision p, string clause, string? text)
        {
            if (!uses.TryGetValue(name, out var list)) uses[name] = list = [];
            list.Add(new JsonObject { ["agreement"] = a.Id, ["provision"] = p.Citation, ["provision_id"] = p.Id, ["clause"] = clause, ["text"] = text });
        }
        foreach (var a in corpus.Agreements)
            foreach (var p in a.Provisions)
            {
                if (p.Trigger is not { } t) continue;
                if (t.Threshold is { } th) foreach (var name in th.Attributes) Add(name, a, p, "threshold", th.Quote);
                foreach (var v in t.VoidIf) Add(v.Attribute, a, p, "void_if", v.Text);
            }
        return new JsonObject
        {
            ["attributes"] = new JsonArray([.. uses.Select(kv => (JsonNode)new JsonObject { ["name"] = kv.Key, ["used_by"] = kv.Value })]),
        };
    }
}
