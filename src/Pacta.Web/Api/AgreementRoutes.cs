using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Pacta.Contracts;
using Pacta.Domain;

namespace Pacta.Web.Api;

/// <summary><c>/api/agreements</c>: the CLI's <c>list</c> and <c>show</c>, in the same JSON shapes.</summary>
public static class AgreementRoutes
{
    public static void Map(RouteGroupBuilder api, ServeData data)
    {
        var corpus = data.Corpus;
        var reference = new ReferenceAnswers();
        api.MapGet("/agreements", (HttpContext http,
            [FromQuery(Name = "in_force_on")] string? inForceOn,
            [FromQuery] string? party,
            [FromQuery] string? bindingness,
            [FromQuery] string? kind,
            [FromQuery] string? origin,
            [FromQuery] string? form,
            [FromQuery] string? q) => reference.Of(http, () =>
        {
            var day = ScenarioRequest.OptionalDay(inForceOn, "in_force_on");
            var state = string.IsNullOrWhiteSpace(party) ? null : ScenarioRequest.State(corpus, party, "party");
            Bindingness? binding = null;
            if (!string.IsNullOrWhiteSpace(bindingness))
            {
                if (!Words.TryParse<Bindingness>(bindingness, out var b))
                    throw ApiProblem.BadField("bindingness", $"'{bindingness}' is not a bindingness; expected one of {string.Join(", ", Words.All<Bindingness>())}");
                binding = b;
            }
            ProvisionKind? provisionKind = null;
            if (!string.IsNullOrWhiteSpace(kind))
            {
                if (!Words.TryParse<ProvisionKind>(kind, out var k))
                    throw ApiProblem.BadField("kind", $"'{kind}' is not a provision kind; expected one of {string.Join(", ", Words.All<ProvisionKind>())}");
                provisionKind = k;
            }
            var from = NetworkRoutes.Origin(origin);
            AgreementForm? agreementForm = null;
            if (!string.IsNullOrWhiteSpace(form))
            {
                if (!Words.TryParse<AgreementForm>(form, out var f))
                    throw ApiProblem.BadField("form", $"'{form}' is not an agreement form; expected one of {string.Join(", ", Words.All<AgreementForm>())}");
                agreementForm = f;
            }
            var rows = corpus.Agreements
                .Where(a => from is null || a.Origin == from)
                .Where(a => binding is null || a.Bindingness == binding)
                .Where(a => agreementForm is null || a.Form == agreementForm)
                .Where(a => provisionKind is null || a.Provisions.Any(p => p.Kind == provisionKind))
                .Where(a => day is null || a.InForceOn(day.Value))
                .Where(a => state is null || (day is { } d
                    ? corpus.PartiesOn(a, d).Any(x => x.State == state.Cow)
                    : corpus.EverParties(a).Contains(state.Cow)))
                .Where(a => string.IsNullOrWhiteSpace(q) || a.Id.Contains(q, StringComparison.OrdinalIgnoreCase)
                    || a.Title.Contains(q, StringComparison.OrdinalIgnoreCase) || (a.ShortTitle?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false));
            return new JsonArray(rows.Select(a => (JsonNode)JsonShapes.AgreementSummary(corpus, a, day)).ToArray());
        }))
        .WithSummary("List agreements")
        .WithDescription("As `pacta list --json`. Filters: in force on a day, a party (on that day if given, else ever), bindingness, provision kind, origin (pacta or atop), form, and text in the id or title.");

        api.MapGet("/agreements/{id}", (HttpContext http, string id) => reference.Of(http, () => JsonShapes.Agreement(corpus, Find(corpus, id))))
        .WithSummary("One agreement with its parties, provisions and sources")
        .WithDescription("As `pacta show ID --json`.");
    }

    /// <summary>The agreement an id, an organization alias (<c>NATO</c>) or a unique id start names, as the CLI's <c>show</c> finds it (<see cref="AgreementLookup"/>); else a 404 naming <paramref name="field"/>.</summary>
    public static Agreement Find(Corpus corpus, string id, string field = "id")
    {
        var m = AgreementLookup.Find(corpus, id);
        return m.Agreement ?? throw ApiProblem.NotFound(field, m.Error!);
    }
}
