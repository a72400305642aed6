using System.Text.Json.Nodes;
using Pacta.Evaluation;

namespace Pacta.Contracts;

/// <summary>JSON of a comparison: the reference is the first agreement; each value carries a verdict against it (<c>not scored</c> where either value has no score).</summary>
public static class ComparisonJson
{
    public static JsonObject Of(Comparison c) => new()
    {
        ["reference"] = c.Agreements[0].Id,
        ["agreements"] = new JsonArray(c.Agreements.Select(a => (JsonNode)new JsonObject { ["id"] = a.Id, ["title"] = a.ShortTitle ?? a.Title }).ToArray()),
        ["dimensions"] = new JsonArray(c.Rows.Select(r => (JsonNode)new JsonObject
        {
            ["dimension"] = r.Dimension,
            ["meaning"] = r.Meaning,
            ["values"] = new JsonArray(r.Values.Select((v, i) => (JsonNode)new JsonObject
            {
                ["agreement"] = c.Agreements[i].Id,
                ["text"] = v.Text,
                ["score"] = v.Score is { } s ? Math.Round(s, 3) : null,
                ["verdict"] = r.Verdicts[i],
                ["note"] = v.Note,
            }).ToArray()),
        }).ToArray()),
    };
}
