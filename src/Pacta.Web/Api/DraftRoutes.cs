using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pacta.Storage;

namespace Pacta.Web.Api;

/// <summary><c>/api/drafts</c>: agreements a user drafts as YAML, kept in the local database apart from the corpus.</summary>
public static partial class DraftRoutes
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,79}$")]
    private static partial Regex IdPattern();

    public static void Map(RouteGroupBuilder api, PactaStore store, WriteGuard guard)
    {
        api.MapGet("/drafts", () => Json.Of(new JsonArray(store.Drafts().Select(d => (JsonNode)Shape(d)).ToArray())))
            .WithSummary("List drafted agreements");

        api.MapGet("/drafts/{id}", (string id) =>
            Json.Of(Shape(store.Draft(id) ?? throw ApiProblem.NotFound("id", $"no drafted agreement '{id}'"))))
            .WithSummary("One drafted agreement");

        api.MapPut("/drafts/{id}", async (string id, HttpRequest request) =>
        {
            if (!IdPattern().IsMatch(id)) throw ApiProblem.BadField("id", $"'{id}' is not an agreement id (lower-case letters, digits and hyphens)");
            var o = await Json.ReadObject(request);
            var yaml = Json.String(o, "yaml");
            if (string.IsNullOrWhiteSpace(yaml)) throw ApiProblem.BadField("yaml", "'yaml' is required: the agreement's YAML text");
            return Json.Of(Shape(store.SaveDraft(id, yaml)));
        })
        .AddEndpointFilter(guard)
        .WithSummary("Create or replace a drafted agreement")
        .WithDescription("Body: {\"yaml\": \"…\"}. Needs the server's token when it has one.");

        api.MapDelete("/drafts/{id}", (string id) =>
            store.DeleteDraft(id) ? Results.NoContent() : throw ApiProblem.NotFound("id", $"no drafted agreement '{id}'"))
            .AddEndpointFilter(guard)
            .WithSummary("Delete a drafted agreement");
    }

    public static JsonObject Shape(DraftAgreement d) => new()
    {
        ["id"] = d.Id,
        ["yaml"] = d.Yaml,
        ["updated"] = d.Updated.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
    };
}
