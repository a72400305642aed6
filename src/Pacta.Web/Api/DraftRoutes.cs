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
            var yaml = DraftSource.Text(o, "", required: true, "the agreement's YAML text")!;
            if (string.IsNullOrWhiteSpace(yaml)) throw ApiProblem.BadField("yaml", "'yaml' is empty: the agreement's YAML text is required");
            var (author, note) = (Short(o, "author"), Short(o, "note"));
            var v = store.SaveDraft(id, yaml, author, note);
            return Json.Of(VersionShape(v, withYaml: true));
        })
        .AddEndpointFilter(guard)
        .WithSummary("Save a drafted agreement as its next version")
        .WithDescription("Body: {\"yaml\": \"…\", \"author\": \"…\", \"note\": \"…\"} (author and note optional, at most 200 characters each). Every save is a new version; the answer is that version. Needs the server's token when it has one.");

        api.MapGet("/drafts/{id}/versions", (string id) =>
        {
            var list = store.DraftVersions(id);
            if (list.Count == 0) throw ApiProblem.NotFound("id", $"no drafted agreement '{id}'");
            return Json.Of(new JsonArray([.. list.Select(v => (JsonNode)VersionShape(v, withYaml: false))]));
        })
        .WithSummary("A draft's versions, newest first")
        .WithDescription("Each with its number, author, note and time saved; the text is in /api/drafts/{id}/versions/{version}.");

        api.MapGet("/drafts/{id}/versions/{version}", (string id, string version) =>
            Json.Of(VersionShape(Find(store, id, version), withYaml: true)))
            .WithSummary("One version of a draft, with its text");

        api.MapPost("/drafts/{id}/versions/{version}/restore", async (string id, string version, HttpRequest request) =>
        {
            var found = Find(store, id, version);
            var o = request.ContentLength is > 0 ? await Json.ReadObject(request) : [];
            var v = store.SaveDraft(id, found.Yaml, Short(o, "author"), Json.String(o, "note") is { Length: > 0 } ? Short(o, "note") : $"restored version {found.Version}");
            return Json.Of(VersionShape(v, withYaml: true));
        })
        .AddEndpointFilter(guard)
        .WithSummary("Restore a version: save its text again as the draft's next version")
        .WithDescription("Body (optional): {\"author\": \"…\", \"note\": \"…\"}; the note defaults to 'restored version N'. Needs the server's token when it has one.");

        api.MapDelete("/drafts/{id}", (string id) =>
            store.DeleteDraft(id) ? Results.NoContent() : throw ApiProblem.NotFound("id", $"no drafted agreement '{id}'"))
            .AddEndpointFilter(guard)
            .WithSummary("Delete a drafted agreement");
    }

    /// <summary>The version a path names: a positive number the draft has.</summary>
    public static DraftVersion Find(PactaStore store, string id, string version)
    {
        if (!int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1)
            throw ApiProblem.BadField("version", $"'{version}' is not a version number (1, 2, …)");
        return store.DraftVersion(id, n) ?? throw ApiProblem.NotFound("version", $"drafted agreement '{id}' has no version {n}");
    }

    private static string Short(JsonObject o, string field)
    {
        var s = Json.String(o, field)?.Trim() ?? "";
        return s.Length > 200 ? throw ApiProblem.BadField(field, $"'{field}' is longer than 200 characters") : s;
    }

    public static JsonObject VersionShape(DraftVersion v, bool withYaml)
    {
        var o = new JsonObject
        {
            ["id"] = v.Draft,
            ["version"] = v.Version,
            ["author"] = v.Author,
            ["note"] = v.Note,
            ["saved"] = v.Saved.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (withYaml) o["yaml"] = v.Yaml;
        return o;
    }

    public static JsonObject Shape(DraftAgreement d) => new()
    {
        ["id"] = d.Id,
        ["yaml"] = d.Yaml,
        ["updated"] = d.Updated.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
    };
}
