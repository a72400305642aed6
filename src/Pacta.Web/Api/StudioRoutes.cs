using System.Text.Json.Nodes;
using Pacta.Contracts;
using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Drafts;
using Pacta.Storage;

namespace Pacta.Web.Api;

/// <summary>
/// <c>/api/studio/…</c>: what the drafting studio asks of a draft's YAML text as it is being edited, without saving it:
/// validate (located diagnostics), assess (as <c>pacta assess --json</c>), compare with chosen agreements (as
/// <c>pacta compare --json</c>) and diff against a saved version or a corpus agreement (as <c>pacta diff --json</c>).
/// Each is a POST because the text travels in the body; none writes anything.
/// </summary>
public static class StudioRoutes
{
    /// <summary>The agreements a draft is compared with when the request names none (NATO Art. 5, the Compact, Budapest).</summary>
    public static readonly string[] DefaultReferences = ["north-atlantic-treaty-1949", "kyiv-security-compact-2022", "budapest-memorandum-1994"];

    public static void Map(RouteGroupBuilder api, ServeData data, PactaStore store)
    {
        var studio = new Pacta.Workspace.DraftStudio(data.Session);
        var group = api.MapGroup("/studio");
        // A text with errors where an agreement is needed answers 400 with every located diagnostic, not just the first.
        group.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (InvalidDraft e)
            {
                return e.Response();
            }
        });

        group.MapGet("/source/{id}", (string id) =>
        {
            var a = AgreementRoutes.Find(data.Session.Corpus, id);
            // Hand-encoded agreements are files named by their id; ATOP's imported alliances have no text to start from.
            var file = Path.Combine(data.Session.Workspace.CorpusDir, "agreements", a.Id + ".yaml");
            if (!File.Exists(file)) throw ApiProblem.NotFound("id", $"'{a.Id}' has no YAML file to start from (only the corpus's hand-encoded agreements do)");
            return Json.Of(new JsonObject { ["agreement"] = a.Id, ["file"] = $"corpus/agreements/{a.Id}.yaml", ["yaml"] = File.ReadAllText(file) });
        })
        .WithSummary("An agreement's YAML file, to start a draft from")
        .WithDescription("Answers {agreement, file, yaml} for a hand-encoded corpus agreement (404 for an imported ATOP alliance, which has no file).");

        group.MapPost("/validate", async (HttpRequest request) =>
        {
            var yaml = DraftSource.Text(await Json.ReadObject(request), "", required: true)!;
            var read = studio.Read(yaml);
            return Json.Of(new JsonObject
            {
                ["ok"] = read.Agreement is not null,
                ["agreement"] = read.Id,
                ["diagnostics"] = Diagnostics(read),
            });
        })
        .WithSummary("Validate a draft's YAML text")
        .WithDescription("Body: {\"yaml\": \"…\"}. Answers {ok, agreement, diagnostics: [{line, column, severity, code, message}]}, the same diagnostics `pacta check` gives for a file (codes in docs/errors.md); a draft with errors is still a 200.");

        group.MapPost("/assess", async (HttpRequest request) =>
        {
            var o = await Json.ReadObject(request);
            var (agreement, shown) = DraftSource.Read(o, "", store, studio, request.Path);
            var results = studio.Assess(agreement);
            var json = AssessmentJson.Of(agreement.Id, shown, results);
            if (Json.Bool(o, "results") == false) json.Remove("results");
            return Json.Of(json);
        })
        .WithSummary("Assess a draft: the scenario battery with the draft assumed adopted")
        .WithDescription("Body: {\"yaml\": \"…\"}, or {\"agreement\": ID} for a corpus agreement, or {\"draft\": ID, \"version\": N} for a saved draft (latest version when N is left out); `\"results\": false` leaves out the per-scenario list (the per-class summary `classes` stays). " +
            "Answers as `pacta assess --json` with the default battery. A text with errors is a 400 whose `diagnostics` locate them.");

        group.MapPost("/compare", async (HttpRequest request) =>
        {
            var o = await Json.ReadObject(request);
            var (draft, _) = DraftSource.Read(o, "", store, studio, request.Path);
            var ids = Json.Strings(o, "references");
            if (ids.Length == 0) ids = DefaultReferences;
            if (ids.Length > 6) throw ApiProblem.BadField("references", "compare a draft with at most 6 agreements");
            var corpus = data.Session.Corpus;
            var references = ids.Select((id, i) => AgreementRoutes.Find(corpus, id, $"references[{i}]")).ToList();
            if (references.Select(a => a.Id).Distinct().Count() < references.Count) throw ApiProblem.BadField("references", "an agreement is given twice");
            // A draft that starts from a reference keeps its id; it is told apart by a suffix so both columns show.
            if (references.Any(r => r.Id == draft.Id)) draft = draft with { Id = draft.Id + "-draft" };
            var json = ComparisonJson.Of(Comparer.Compare(corpus, [.. references, draft], references[0].Id));
            json["draft"] = draft.Id;
            return Json.Of(json);
        })
        .WithSummary("Compare a draft with chosen agreements")
        .WithDescription("Body: {\"yaml\": \"…\", \"references\": [ID, …]} (default: NATO Art. 5, the Kyiv Security Compact, the Budapest Memorandum; at most 6). " +
            "Answers as `pacta compare --json` with the first reference as the reference and the draft last; `draft` names its column (its id, with `-draft` appended when it is also a reference's).");

        group.MapPost("/diff", async (HttpRequest request) =>
        {
            var o = await Json.ReadObject(request);
            var (b, bShown) = DraftSource.Read(o, "", store, studio, request.Path);
            var against = DraftSource.Object(o, "against", "{\"draft\": ID, \"version\": N} or {\"agreement\": ID}");
            var (a, aShown) = DraftSource.Read(against, "against.", store, studio, request.Path);
            var changes = ModelDiff.Agreements(a, b);
            // Both versions over the same scenarios (the union of their targets, places and attributes) under every
            // combination of their contested clauses' readings, as pacta diff does.
            IReadOnlyList<Agreement> both = [a, b];
            var (ra, rb) = (studio.Assess(a, readings: true, both), studio.Assess(b, readings: true, both));
            return Json.Of(DraftDiffJson.Of(a.Id, aShown, b.Id, bShown, changes, OutcomeDiff.Of(ra, rb), OutcomeDiff.ByReading(ra, rb)));
        })
        .WithSummary("Diff a draft against a saved version or a corpus agreement")
        .WithDescription("Body: {\"yaml\": \"…\", \"against\": {\"draft\": ID, \"version\": N}} or {\"yaml\": \"…\", \"against\": {\"agreement\": ID}}. Answers as `pacta diff --json` with the earlier version as `a` and the text as `b`.");
    }

    public static JsonArray Diagnostics(Pacta.Workspace.DraftRead read) =>
        new([.. read.Diagnostics.Select(d => (JsonNode)new JsonObject
        {
            ["line"] = d.Line,
            ["column"] = d.Column,
            ["severity"] = d.Severity,
            ["code"] = d.Code,
            ["message"] = d.Message,
            ["text"] = d.ToString(),
        })]);
}

/// <summary>A draft's text with errors where an agreement was needed: a 400 naming the field, with the located diagnostics.</summary>
public sealed class InvalidDraft(string field, Pacta.Workspace.DraftRead read, string instance)
    : Exception($"{read.Shown}: the draft has {read.Diagnostics.Count(d => !d.IsWarning)} error(s); the first: {read.Diagnostics.FirstOrDefault()}")
{
    public IResult Response()
    {
        var body = Problems.Body(StatusCodes.Status400BadRequest, field, Message, instance);
        body["diagnostics"] = StudioRoutes.Diagnostics(read);
        return Results.Text(body.ToJsonString(Json.Compact), Problems.ContentType, statusCode: StatusCodes.Status400BadRequest);
    }
}
