using Microsoft.AspNetCore.Mvc;
using Pacta.Contracts;
using Pacta.Evaluation;

namespace Pacta.Web.Api;

/// <summary><c>/api/compare</c>: the CLI's <c>compare ID ID … --json</c>; the first agreement is the reference.</summary>
public static class CompareRoutes
{
    public static void Map(RouteGroupBuilder api, ServeData data)
    {
        api.MapGet("/compare", ([FromQuery] string[]? agreement, [FromQuery] string[]? reading) =>
        {
            var ids = (agreement ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            if (ids.Count < 2) throw ApiProblem.BadField("agreement", "compare needs at least two agreements (repeat 'agreement' or separate ids with commas)");
            if (ids.Count > 12) throw ApiProblem.BadField("agreement", "compare takes at most 12 agreements");
            var corpus = ReadingRoutes.Apply(data.Session, reading);
            var list = ids.Select(id => AgreementRoutes.Find(corpus, id, "agreement")).ToList();
            var json = ComparisonJson.Of(Comparer.Compare(corpus, list));
            json["readings"] = ReadingsJson.Applied(list);
            return Json.Of(json);
        })
        .WithSummary("Compare agreements dimension by dimension")
        .WithDescription("As `pacta compare ID ID … --json`: bindingness, strength, trigger, deadline, scope, exit, escape clauses …, each value with a verdict against the first (the reference). `reading` chooses readings of contested clauses, as in what-if.");
    }
}
