using Microsoft.AspNetCore.Mvc;
using Pacta.Domain;
using Pacta.Evaluation;

namespace Pacta.Web.Api;

/// <summary><c>/api/network</c>: the guarantee network on a day, for the network view.</summary>
public static class NetworkRoutes
{
    public static void Map(RouteGroupBuilder api, ServeData data)
    {
        var reference = new ReferenceAnswers();
        api.MapGet("/network", (HttpContext http, [FromQuery] string? on, [FromQuery] string? kind, [FromQuery] string? origin) =>
        {
            var day = ScenarioRequest.OptionalDay(on, "on") ?? DateOnly.FromDateTime(DateTime.UtcNow);
            ProvisionKind? k = null;
            if (!string.IsNullOrWhiteSpace(kind))
            {
                if (!Words.TryParse<ProvisionKind>(kind, out var parsed))
                    throw ApiProblem.BadField("kind", $"'{kind}' is not a provision kind; expected one of {string.Join(", ", Words.All<ProvisionKind>())}");
                k = parsed;
            }
            return reference.Of(http, () => ObligationNetwork.Of(data.Corpus, day, k, Origin(origin)), day.ToString("yyyy-MM-dd"));
        })
        .WithSummary("Who guarantees whom on a day")
        .WithDescription("Edges from obligor to beneficiary (COW numbers) for every provision of an agreement in force whose trigger is an attack on a party; `kind` keeps one provision kind, `origin` pacta or atop.");

        api.MapGet("/network/graph", (HttpContext http, [FromQuery] string? on, [FromQuery] string? kind, [FromQuery] string? origin, [FromQuery] string? organization) =>
        {
            var day = ScenarioRequest.OptionalDay(on, "on") ?? DateOnly.FromDateTime(DateTime.UtcNow);
            HelpKind? k = null;
            if (!string.IsNullOrWhiteSpace(kind))
            {
                if (!Words.TryParse<HelpKind>(kind, out var parsed))
                    throw ApiProblem.BadField("kind", $"'{kind}' is not a kind of help; expected one of {string.Join(", ", Words.All<HelpKind>())}");
                k = parsed;
            }
            Organization? org = null;
            if (!string.IsNullOrWhiteSpace(organization))
                org = data.Corpus.Organization(organization.Trim().ToLowerInvariant())
                    ?? throw ApiProblem.BadField("organization", $"unknown organization '{organization}'; expected one of {string.Join(", ", data.Corpus.Organizations.Select(o => o.Id))}");
            // Keyed by the day too: without `on` the answer is today's.
            return reference.Of(http, () => ObligationGraph.Of(data.Corpus, day, k, Origin(origin), org), day.ToString("yyyy-MM-dd"));
        })
        .WithSummary("The guarantee network, compact, with organization clusters")
        .WithDescription("What the network view draws: `provisions` listed once; `edges` as rows [obligor, beneficiary, strength index, kind index, provision indices…] into `strengths`, `kinds` and `provisions`; each state's `cluster` is the largest organization it is a member of on the day. " +
            "`kind` is defence, support, consultation or neutrality; `origin` pacta or atop (default both); `organization` (nato, eu, csto) keeps edges to or from its members.");
    }

    /// <summary>The <c>origin</c> query parameter: empty for both, else one of the words of <see cref="AgreementOrigin"/>.</summary>
    internal static AgreementOrigin? Origin(string? origin) =>
        string.IsNullOrEmpty(origin) ? null
        : Words.TryParse<AgreementOrigin>(origin, out var o) ? o
        : throw ApiProblem.BadField("origin", $"'{origin}' must be one of {string.Join(", ", Words.All<AgreementOrigin>())}");
}
