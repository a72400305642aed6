using System.Text.Json.Nodes;
using Pacta.Storage;

namespace Pacta.Web.Api;

/// <summary>
/// <c>/api/scenarios</c>: saved scenarios. A scenario is a name, the page it belongs to (<c>what-if</c>, <c>compare</c>,
/// <c>cascade</c>, <c>agreements</c>, <c>network</c>) and that page's state as a JSON object, so its URL restores the page.
/// </summary>
public static class SavedScenarioRoutes
{
    private static readonly string[] Kinds = ["what-if", "compare", "cascade", "agreements", "network"];

    public static void Map(RouteGroupBuilder api, PactaStore store, WriteGuard guard)
    {
        api.MapGet("/scenarios", () => Json.Of(new JsonArray(store.Scenarios().Select(s => (JsonNode)Shape(s)).ToArray())))
            .WithSummary("List saved scenarios, newest first");

        api.MapGet("/scenarios/{id}", (string id) =>
            Json.Of(Shape(store.Scenario(id) ?? throw ApiProblem.NotFound("id", $"no saved scenario '{id}'"))))
            .WithSummary("One saved scenario");

        api.MapPost("/scenarios", async (HttpRequest request) =>
        {
            var o = await Json.ReadObject(request);
            var name = Json.String(o, "name")?.Trim();
            if (string.IsNullOrEmpty(name)) throw ApiProblem.BadField("name", "'name' is required");
            if (name.Length > 200) throw ApiProblem.BadField("name", "'name' is longer than 200 characters");
            var kind = Json.String(o, "kind") ?? "what-if";
            if (!Kinds.Contains(kind)) throw ApiProblem.BadField("kind", $"'{kind}' must be one of {string.Join(", ", Kinds)}");
            if (o["state"] is not JsonObject state) throw ApiProblem.BadField("state", "'state' must be a JSON object (the page's fields)");
            var saved = store.SaveScenario(name, kind, state.ToJsonString(Json.Compact));
            return Results.Text(Shape(saved).ToJsonString(Json.Compact), "application/json; charset=utf-8", statusCode: StatusCodes.Status201Created);
        })
        .AddEndpointFilter(guard)
        .WithSummary("Save a scenario")
        .WithDescription("Body: {\"name\", \"kind\", \"state\": {…}}. Needs the server's token when it has one.")
        .Accepts<ScenarioBody>("application/json");

        api.MapDelete("/scenarios/{id}", (string id) =>
            store.DeleteScenario(id) ? Results.NoContent() : throw ApiProblem.NotFound("id", $"no saved scenario '{id}'"))
            .AddEndpointFilter(guard)
            .WithSummary("Delete a saved scenario");
    }

    public static JsonObject Shape(SavedScenario s) => new()
    {
        ["id"] = s.Id,
        ["name"] = s.Name,
        ["kind"] = s.Kind,
        ["state"] = JsonNode.Parse(s.State),
        ["created"] = s.Created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
        ["url"] = $"/scenarios/{s.Id}",
    };

    /// <summary>The body of POST /api/scenarios (documented in the OpenAPI description).</summary>
    public sealed record ScenarioBody(string Name, string Kind, JsonObject State);
}
