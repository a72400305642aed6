using Microsoft.AspNetCore.Mvc;
using Pacta.Contracts;
using Pacta.Evaluation;

namespace Pacta.Web.Api;

/// <summary><c>/api/compare</c>: the CLI's <c>compare ID ID … --json</c>; the first agreement is the reference.</summary>
public static class CompareRoutes
{
    public static void Map(RouteGroupBuilder api, ServeData data)
    {
        api.MapGet("/compare", ([FromQuery] string[]? agreement) =>
        {
            var ids = (agreement ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            if (ids.Count < 2) throw ApiProblem.BadField("agreement", "compare needs at least two agreements (repeat 'agreement' or separate ids with commas)");
            if (ids.Count > 12) throw ApiProblem.BadField("agreement", "compare takes at most 12 agreements");
            var list = ids.Select(id => AgreementRoutes.Find(data.Corpus, id, "agreement")).ToList();
            return Json.Of(ComparisonJson.Of(Comparer.Compare(data.Corpus, list)));
        })
        .WithSummary("Compare agreements dimension by dimension")
        .WithDescription("As `pacta compare ID ID … --json`: bindingness, strength, trigger, deadline, scope, exit, escape clauses …, each value with a verdict against the first (the reference).");
    }
}
