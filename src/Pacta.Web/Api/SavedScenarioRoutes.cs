using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Pacta.Storage;

namespace Pacta.Web.Api;

/// <summary>
/// <c>/api/scenarios</c>: saved scenarios. A scenario is a name, the page it belongs to (<c>what-if</c>, <c>compare</c>,
/// <c>cascade</c>, <c>agreements</c>, <c>network</c>) and that page's state as a JSON object, so its URL restores the page.
/// </summary>
public static class SavedScenarioRoutes
{
    private static readonly string[] Kinds = ["what-if", "compare", "cascade", "agreements", "network"];

    public const int DefaultPage = 100;
    public const int MaxPage = 500;

    public static void Map(RouteGroupBuilder api, PactaStore store, WriteGuard guard, ServeOptions options)
    {
        api.MapGet("/scenarios", (HttpContext http, [FromQuery] string? limit, [FromQuery] string? cursor) =>
        {
            var n = DefaultPage;
            if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out n) || n is < 1 or > MaxPage))
                throw ApiProblem.BadField("limit", $"'{limit}' must be a number of scenarios from 1 to {MaxPage}");
            ScenarioPage page;
            try
            {
                page = store.Scenarios(n, cursor);
            }
            catch (FormatException)
            {
                throw ApiProblem.BadField("cursor", "not a cursor of this list: use the 'next' link of the previous page");
            }
            if (page.Next is not null)
                http.Response.Headers.Link = $"</api/scenarios?limit={n}&cursor={page.Next}>; rel=\"next\"";
            return Json.Of(new JsonArray(page.Items.Select(s => (JsonNode)Shape(s, options.MaxJsonDepth)).ToArray()));
        })
            .WithSummary("List saved scenarios, newest first, a page at a time")
            .WithDescription($"`limit` (1–{MaxPage}, default {DefaultPage}) scenarios per page; when more follow, the `Link` header names the next page (`rel=\"next\"`, with an opaque `cursor`). " +
                "A stored state that cannot be read comes back as `state: null` with `state_error`.");

        api.MapGet("/scenarios/{id}", (string id) =>
            Json.Of(Shape(store.Scenario(id) ?? throw ApiProblem.NotFound("id", $"no saved scenario '{id}'"), options.MaxJsonDepth)))
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
            var text = state.ToJsonString(Json.Compact);
            if (System.Text.Encoding.UTF8.GetByteCount(text) > options.MaxStateBytes)
                throw ApiProblem.BadField("state", $"'state' is larger than {options.MaxStateBytes} bytes");
            var saved = store.SaveScenario(name, kind, text);
            return Results.Text(Shape(saved, options.MaxJsonDepth).ToJsonString(Json.Compact), "application/json; charset=utf-8", statusCode: StatusCodes.Status201Created);
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

    /// <summary>
    /// A stored scenario as the API shows it. The state is read as a request body is (depth, duplicate keys, Unicode):
    /// a row that fails, written by hand or by an older version, shows <c>state: null</c> and why, and the list goes on.
    /// </summary>
    public static JsonObject Shape(SavedScenario s, int maxDepth)
    {
        JsonNode? state = null;
        string? error = null;
        try
        {
            state = JsonBody.Parse(System.Text.Encoding.UTF8.GetBytes(s.State), maxDepth, "state");
            if (state is not JsonObject) (state, error) = (null, "the stored state is not a JSON object");
        }
        catch (ApiProblem p)
        {
            error = $"the stored state cannot be read: {p.Message}";
        }
        var o = new JsonObject
        {
            ["id"] = s.Id,
            ["name"] = s.Name,
            ["kind"] = s.Kind,
            ["state"] = state,
            ["created"] = s.Created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["url"] = $"/scenarios/{Uri.EscapeDataString(s.Id)}",
        };
        if (error is not null) o["state_error"] = error;
        return o;
    }

    /// <summary>The body of POST /api/scenarios (documented in the OpenAPI description).</summary>
    public sealed record ScenarioBody(string Name, string Kind, JsonObject State);
}
