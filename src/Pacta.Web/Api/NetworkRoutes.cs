using Microsoft.AspNetCore.Mvc;
using Pacta.Domain;

namespace Pacta.Web.Api;

/// <summary><c>/api/network</c>: the guarantee network on a day, for the network view.</summary>
public static class NetworkRoutes
{
    public static void Map(RouteGroupBuilder api, ServeData data)
    {
        api.MapGet("/network", ([FromQuery] string? on, [FromQuery] string? kind, [FromQuery] string? origin) =>
        {
            var day = ScenarioRequest.OptionalDay(on, "on") ?? DateOnly.FromDateTime(DateTime.UtcNow);
            ProvisionKind? k = null;
            if (!string.IsNullOrWhiteSpace(kind))
            {
                if (!Words.TryParse<ProvisionKind>(kind, out var parsed))
                    throw ApiProblem.BadField("kind", $"'{kind}' is not a provision kind; expected one of {string.Join(", ", Words.All<ProvisionKind>())}");
                k = parsed;
            }
            if (origin is not (null or "" or "pacta" or "atop")) throw ApiProblem.BadField("origin", $"'{origin}' must be pacta or atop");
            return Json.Of(GuaranteeNetwork.Of(data.Corpus, day, k, string.IsNullOrEmpty(origin) ? null : origin));
        })
        .WithSummary("Who guarantees whom on a day")
        .WithDescription("Edges from obligor to beneficiary (COW numbers) for every provision of an agreement in force whose trigger is an attack on a party; `kind` keeps one provision kind, `origin` pacta or atop.");
    }
}
