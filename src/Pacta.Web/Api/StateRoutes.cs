using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Pacta.Contracts;
using Pacta.Domain;

namespace Pacta.Web.Api;

/// <summary><c>/api/states</c> (the CLI's <c>states</c>) and <c>/api/locations</c> (codes for the location picker).</summary>
public static class StateRoutes
{
    public static void Map(RouteGroupBuilder api, ServeData data)
    {
        var corpus = data.Corpus;
        var reference = new ReferenceAnswers();
        api.MapGet("/states", (HttpContext http, [FromQuery] string? q, [FromQuery] string? on) => reference.Of(http, () =>
        {
            var day = ScenarioRequest.OptionalDay(on, "on");
            IEnumerable<State> states = corpus.States.All;
            if (!string.IsNullOrWhiteSpace(q)) states = [ScenarioRequest.State(corpus, q, "q")];
            if (day is { } d) states = states.Where(s => s.IsSystemMemberOn(d));
            return new JsonArray(states.Select(s => (JsonNode)JsonShapes.StateDetail(s)).ToArray());
        }))
        .WithSummary("List states, or resolve one")
        .WithDescription("As `pacta states [QUERY] [--on DATE] --json`: `q` is a COW number, COW letters, ISO3, ISO2 or an unambiguous name.");

        api.MapGet("/states/{query}", (string query) =>
            Json.Of(JsonShapes.StateDetail(ScenarioRequest.State(corpus, query, "query"))))
        .WithSummary("Resolve one state");

        // The ISO locations, then the sea/air areas as places (sea-air:ID: the target's forces, vessels or aircraft there).
        var locations = corpus.Locations.All.OrderBy(l => l.Code, StringComparer.Ordinal)
            .Concat(corpus.Locations.SeaAirAreas.Select(a => a.ToLocation()).OrderBy(l => l.Code, StringComparer.Ordinal)).ToList();
        api.MapGet("/locations", (HttpContext http, [FromQuery] string? q, [FromQuery] int? limit) => reference.Of(http, () =>
        {
            if (limit is < 1) throw ApiProblem.BadField("limit", $"limit must be at least 1, got {limit}");
            IEnumerable<Location> rows = string.IsNullOrWhiteSpace(q) ? locations
                : locations.Where(l => l.Code.Contains(q, StringComparison.OrdinalIgnoreCase) || l.Name.Contains(q, StringComparison.OrdinalIgnoreCase))
                    // Codes that start with the text first (UA- before GUA), then names that do.
                    .OrderBy(l => l.Code.StartsWith(q, StringComparison.OrdinalIgnoreCase) ? 0 : l.Name.StartsWith(q, StringComparison.OrdinalIgnoreCase) ? 1 : 2);
            if (limit is { } n) rows = rows.Take(n);
            return new JsonArray(rows.Select(l => (JsonNode)Location(l)).ToArray());
        }))
        .WithSummary("Locations: ISO 3166-1 countries and territories, ISO 3166-2 subdivisions and sea/air areas")
        .WithDescription("`q` filters by code or name (codes starting with it first), `limit` keeps the first N. Each location names its country and the sovereign state that holds it; a sea/air area (`sea-air:ID`, an attack on the target's forces, vessels or aircraft there) has neither (empty strings) and `sea_air` true.");

        api.MapGet("/locations/{code}", (string code) =>
            Json.Of(Location(corpus.Locations.Find(code) ?? throw ApiProblem.NotFound("code", $"unknown location '{code}'"))))
        .WithSummary("One location");
    }

    public static JsonObject Location(Location l) => new()
    {
        ["code"] = l.Code,
        ["name"] = l.Name,
        ["country"] = l.Country,
        ["sovereign"] = l.Sovereign,
        ["continent"] = l.Continent,
        ["latitude"] = l.Latitude,
        ["longitude"] = l.Longitude,
        ["island"] = l.Island,
        ["sea_air"] = l.IsSeaAir,
    };
}
