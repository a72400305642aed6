using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Pacta.Contracts;
using Pacta.Domain;
using Pacta.Evaluation.Cascade;

namespace Pacta.Web.Api;

/// <summary>
/// <c>/api/cascade</c>: the CLI's <c>cascade --json</c> — the states an attack draws in, round by round, with the
/// path of obligations that drew each in; with <c>trials</c>, Monte Carlo probabilities (at most the server's limit).
/// </summary>
public static class CascadeRoutes
{
    public static void Map(RouteGroupBuilder api, ServeData data, ServeOptions options, RunGate gate)
    {
        api.MapGet("/cascade", async (HttpRequest request,
            [FromQuery] string? attacker, [FromQuery] string? target, [FromQuery] string? date, [FromQuery] string? kind, [FromQuery] string? location,
            [FromQuery] string[]? ceasefire, [FromQuery] string[]? adopted, [FromQuery] string[]? member,
            [FromQuery] string? trials, [FromQuery] string? seed, [FromQuery] string? preset, [FromQuery(Name = "include_atop")] string? includeAtop,
            [FromQuery] string? conditional, [FromQuery(Name = "carve_out")] string? carveOut, [FromQuery(Name = "join_model")] string? joinModel,
            [FromQuery] string[]? reading) =>
        {
            var scenario = ScenarioRequest.FromQuery(request.Query);
            var parsed = scenario.ReadScenario(data.Session.CorpusFor(scenario.IncludeAtop));
            // The request key holds the readings, so a prepared cascade is never shared across readings.
            var session = data.Session.WithReadings(parsed.Readings);
            var corpus = session.CorpusFor(scenario.IncludeAtop);
            var (e, assumptions) = (parsed.Event, parsed.Assumptions);
            var n = 0L;
            if (!string.IsNullOrEmpty(trials) && (!long.TryParse(trials, NumberStyles.None, CultureInfo.InvariantCulture, out n)))
                throw ApiProblem.BadField("trials", $"'{trials}' is not a number of trials");
            if (n > options.MaxTrials) throw ApiProblem.BadField("trials", $"{n} trials is more than this server allows ({options.MaxTrials})");
            var s = 1UL;
            if (!string.IsNullOrEmpty(seed) && !ulong.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out s))
                throw ApiProblem.BadField("seed", $"'{seed}' is not a seed (a non-negative integer)");
            var presetId = string.IsNullOrEmpty(preset) ? HonourPresets.Default.Id : preset;
            var honour = HonourPresets.Find(presetId)
                ?? throw ApiProblem.BadField("preset", $"unknown preset '{presetId}'; expected one of {string.Join(", ", HonourPresets.All.Select(x => x.Id))}");

            var cascadeOptions = new CascadeOptions
            {
                Conditional = string.IsNullOrEmpty(conditional) ? ConditionalObligations.Report
                    : Words.TryParse<ConditionalObligations>(conditional, out var c) ? c
                    : throw ApiProblem.BadField("conditional", $"'{conditional}' must be one of {string.Join(", ", Words.All<ConditionalObligations>())}"),
                // The CLI's --join-model, with the CLI's default.
                JoinModel = string.IsNullOrEmpty(joinModel) ? CascadeOptions.Default.JoinModel
                    : Words.TryParse<JoinModel>(joinModel, out var jm) ? jm
                    : throw ApiProblem.BadField("join_model", $"'{joinModel}' must be one of {string.Join(", ", Words.All<JoinModel>())}"),
                CarveOutFights = carveOut switch
                {
                    null or "" or "support" => false,
                    "fight" => true,
                    _ => throw ApiProblem.BadField("carve_out", $"'{carveOut}' must be support or fight"),
                },
            };

            // Beyond the limit, refused at once: a queue would hold connections until they time out.
            if (!gate.TryEnter())
                throw new ApiProblem(StatusCodes.Status503ServiceUnavailable, null, $"the server is already running {gate.Limit} cascade(s); try again shortly") { RetryAfterSeconds = 2 };
            var token = request.HttpContext.RequestAborted;
            var work = Task.Run(() =>
            {
                try
                {
                    // The session runs the Monte Carlo with the join model the options name (the fitted one on the coefficients it read once).
                    var (deterministic, mc) = session.Cascade(e, assumptions, cascadeOptions, HonourModel.Of(honour), n, s, [],
                        includeAtop: scenario.IncludeAtop, cancellationToken: token);
                    var json = CascadeJson.Cascade(corpus, e, deterministic, mc);
                    json["readings"] = ReadingsJson.Applied(corpus.Agreements.Where(a => a.Applied.Count > 0));
                    return json;
                }
                finally
                {
                    // Given back when the work ends, not when the request does.
                    gate.Exit();
                }
            }, CancellationToken.None);
            // The graph build does not take the token, so the request itself still ends at a disconnect or the time limit (504).
            return Json.Of(await work.WaitAsync(token));
        })
        .WithSummary("Cascade: who is drawn in, round by round")
        .WithDescription("As `pacta cascade --json`: the event fields of what-if, plus `trials` (Monte Carlo, at most the server's limit), `seed`, `preset` (honour rates: " +
            string.Join(", ", HonourPresets.All.Select(x => x.Id)) + "), `conditional` (report, support, propagate), `carve_out` (support, fight) and `join_model` (" +
            string.Join(", ", Words.All<JoinModel>()) + $"; default {Words.Of(CascadeOptions.Default.JoinModel)}: the Monte Carlo's draws, named with the preset or the fitted coefficients file in `monte_carlo.join_model`); `reading` chooses readings of contested clauses, as in what-if; " +
            "the answer lists `conditional_joiners` and `not_invoked` beside the states drawn in.");
    }
}
