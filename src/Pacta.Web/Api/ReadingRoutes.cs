using Microsoft.AspNetCore.Mvc;
using Pacta.Contracts;
using Pacta.Domain;

namespace Pacta.Web.Api;

/// <summary><c>/api/readings</c>: the CLI's <c>readings --json</c> — every contested clause with its readings, sources and default.</summary>
public static class ReadingRoutes
{
    public static void Map(RouteGroupBuilder api, ServeData data)
    {
        api.MapGet("/readings", ([FromQuery] string? agreement) =>
        {
            var corpus = data.Session.HandEncoded;
            var only = string.IsNullOrWhiteSpace(agreement) ? null : AgreementRoutes.Find(corpus, agreement, "agreement");
            return Json.Of(new System.Text.Json.Nodes.JsonObject
            {
                ["clauses"] = new System.Text.Json.Nodes.JsonArray([.. corpus.Agreements
                    .Where(a => a.Contested.Count > 0 && (only is null || a.Id == only.Id))
                    .SelectMany(a => a.Contested.Select(c => (System.Text.Json.Nodes.JsonNode)ReadingsJson.Clause(a, c)))]),
            });
        })
        .WithSummary("The contested clauses of the corpus")
        .WithDescription("As `pacta readings --json`: each clause whose reading the sources dispute, with its readings (summary, what each sets, sources), the default and why. `agreement` keeps one agreement's.");
    }

    /// <summary>The whole corpus under the choices of reading given in <c>reading</c> (400 naming the field when one is invalid).</summary>
    public static Corpus Apply(PactaSession session, IReadOnlyList<string>? reading)
    {
        var texts = (reading ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var errors = new List<ScenarioFieldError>();
        var choices = ScenarioParser.Readings(texts, session.Corpus, errors);
        if (errors.Count > 0) throw ApiProblem.BadField("reading", errors[0].Message);
        return session.WithReadings(choices).Corpus;
    }
}
