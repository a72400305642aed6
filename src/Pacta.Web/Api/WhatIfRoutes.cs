using Microsoft.AspNetCore.Mvc;
using Pacta.Contracts;
using Pacta.Domain;
using Pacta.Evaluation;

namespace Pacta.Web.Api;

/// <summary><c>/api/what-if</c>: the CLI's <c>what-if --json</c>, by query (shareable) or by JSON body.</summary>
public static class WhatIfRoutes
{
    public static void Map(RouteGroupBuilder api, ServeData data, OutcomeCache cache)
    {
        // By default the whole corpus, as the CLI's what-if (the evaluator counts an ATOP alliance that a
        // hand-encoded agreement declares "same-as" only once); include_atop=false keeps the hand-encoded agreements.
        var session = data.Session;
        EncodedJson Answer(ScenarioRequest r) => cache.GetOrAdd(r.Key, () =>
        {
            var scenario = r.ReadScenario(session.CorpusFor(r.IncludeAtop));
            var read = session.WithReadings(scenario.Readings);
            // Written value by value: the node tree of ~2 MB outcomes costs several times more.
            return OutcomeJson.ToUtf8(read.CorpusFor(r.IncludeAtop), read.Evaluate(scenario with { Readings = [] }, r.IncludeAtop), Json.CompactWriter);
        });

        api.MapGet("/what-if", (HttpRequest request,
            [FromQuery] string? attacker, [FromQuery] string? target, [FromQuery] string? date,
            [FromQuery] string? kind, [FromQuery] string? location,
            [FromQuery] string[]? ceasefire, [FromQuery] string[]? adopted, [FromQuery] string[]? member, [FromQuery(Name = "include_atop")] string? includeAtop,
            [FromQuery] string[]? reading) =>
            Answer(ScenarioRequest.FromQuery(request.Query)))
        .WithSummary("What if ATTACKER attacks TARGET on DATE at LOCATION")
        .WithDescription("As `pacta what-if --json`: triggered obligations with absolute deadlines, obligations the event breaches, provisions not triggered with the reason, each with its explanation tree. " +
            "`ceasefire` is DATE or CONFLICT:DATE, `adopted` ID or ID:DATE, `member` STATE:AGREEMENT-OR-ORGANIZATION[:DATE]; each may repeat. " +
            "`include_atop=false` leaves out the imported ATOP alliances (default true, as the CLI). " +
            "`reading` chooses a reading of a contested clause, CLAUSE=READING, AGREEMENT:CLAUSE=READING or AGREEMENT/PROVISION:CLAUSE=READING (GET /api/readings lists them); may repeat.");

        api.MapPost("/what-if", async (HttpRequest request) => Answer(await ScenarioRequest.FromBody(request)))
        .WithSummary("What-if with a JSON body")
        .WithDescription("The same as GET, with the fields in a JSON object: attacker, target, date, kind, location, ceasefire[], adopted[], member[], include_atop, reading[].")
        .Accepts<WhatIfBody>("application/json");
    }

    /// <summary>The JSON body of POST /api/what-if (documented in the OpenAPI description).</summary>
    public sealed record WhatIfBody(string Attacker, string Target, string Date, string? Kind, string? Location, string[]? Ceasefire, string[]? Adopted, string[]? Member, bool? IncludeAtop, string[]? Reading);
}
