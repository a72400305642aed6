using Microsoft.AspNetCore.Mvc;
using Pacta.Contracts;
using Pacta.Evaluation;

namespace Pacta.Web.Api;

/// <summary><c>/api/compare</c>: the CLI's <c>compare ID ID … [--reference ID] --json</c>; by default the first agreement given is the reference.</summary>
public static class CompareRoutes
{
    public static void Map(RouteGroupBuilder api, ServeData data)
    {
        api.MapGet("/compare", ([FromQuery] string[]? agreement, [FromQuery] string? reference, [FromQuery] string[]? reading) =>
        {
            var ids = (agreement ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            if (ids.Count < 2) throw ApiProblem.BadField("agreement", "compare needs at least two agreements (repeat 'agreement' or separate ids with commas)");
            if (ids.Count > 12) throw ApiProblem.BadField("agreement", "compare takes at most 12 agreements");
            var corpus = ReadingRoutes.Apply(data.Session, reading);
            var list = ids.Select(id => AgreementRoutes.Find(corpus, id, "agreement")).ToList();
            if (list.Select(a => a.Id).Distinct().Count() < list.Count) throw ApiProblem.BadField("agreement", "an agreement is given twice");
            string? referenceId = null;
            if (!string.IsNullOrEmpty(reference))
            {
                referenceId = AgreementRoutes.Find(corpus, reference, "reference").Id;
                if (list.All(a => a.Id != referenceId)) throw ApiProblem.BadField("reference", $"'{reference}' is not among the compared agreements");
            }
            var json = ComparisonJson.Of(Comparer.Compare(corpus, list, referenceId));
            json["readings"] = ReadingsJson.Applied(list);
            return Json.Of(json);
        })
        .WithSummary("Compare agreements dimension by dimension")
        .WithDescription("As `pacta compare ID ID … --json`: bindingness, strength, trigger, deadline, scope, exit, escape clauses …, each value with a verdict against the reference (`reference=ID`, default the first agreement given), which comes first in the answer. `reading` chooses readings of contested clauses, as in what-if.");
    }
}
