using System.Text.Json;
using System.Text.Json.Nodes;
using Pacta.Domain;
using Pacta.Evaluation;

namespace Pacta.Contracts;

/// <summary>
/// Readings in JSON (docs/model.md): the contested clauses an outcome met with the reading applied, what an item
/// depends on, the organization in an obligor's place, and the listing of <c>pacta readings</c>.
/// </summary>
public static class ReadingsJson
{
    /// <summary>Every contested clause of the agreements an outcome names, with the reading applied.</summary>
    public static JsonArray Applied(Outcome o)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var agreements = o.Triggered.Select(t => t.Agreement).Concat(o.Breached.Select(b => b.Agreement)).Concat(o.NotTriggered.Select(n => n.Agreement))
            .Where(a => a.Applied.Count > 0 && seen.Add(a.Id)).OrderBy(a => a.Id, StringComparer.Ordinal);
        return Applied(agreements);
    }

    /// <summary>The readings applied to the contested clauses of <paramref name="agreements"/>.</summary>
    public static JsonArray Applied(IEnumerable<Agreement> agreements) =>
        new([.. agreements.SelectMany(a => a.Applied.Select(x => (JsonNode)AppliedOne(a, x)))]);

    private static JsonObject AppliedOne(Agreement a, AppliedReading x) => new()
    {
        ["agreement"] = a.Id,
        ["provision"] = x.Clause.Provision is { } p ? a.Provisions.FirstOrDefault(q => q.Id == p)?.Citation : null,
        ["provision_id"] = x.Clause.Provision,
        ["clause"] = x.Clause.Id,
        ["reading"] = x.Reading,
        ["default"] = x.IsDefault,
        ["alternatives"] = new JsonArray([.. x.Alternatives.Select(r => (JsonNode)r)]),
    };

    /// <summary>Writes <c>"reading": ID</c> and <c>"depends_on_readings"</c> for an item that depends on contested clauses; nothing otherwise.</summary>
    public static void WriteDependency(Utf8JsonWriter w, Agreement a, Provision p, int? obligor = null)
    {
        if (a.Applied.Count == 0) return;
        var list = ReadingChoices.DependsOn(a, p, obligor).ToList();
        if (list.Count == 0) return;
        w.WriteString("reading", list[0].Reading);
        w.WritePropertyName("depends_on_readings");
        Dependency(list).WriteTo(w, JsonShapes.Options);
    }

    private static JsonArray Dependency(List<AppliedReading> list) =>
        new([.. list.Select(x => (JsonNode)new JsonObject { ["clause"] = x.Clause.Id, ["reading"] = x.Reading, ["default"] = x.IsDefault })]);

    /// <summary>An obligor as JSON: a state object, or <c>{"organization": ID, "name": …}</c> where an organization owes.</summary>
    public static JsonObject Obligor(TriggeredObligation t) =>
        t.ObligorOrganization is { } o ? new JsonObject { ["organization"] = o.Id, ["name"] = o.Name } : JsonShapes.State(t.Obligor);

    /// <summary>The state an item's obligor is, for <see cref="ReadingChoices.DependsOn"/> (null for an organization).</summary>
    public static int? ObligorCow(TriggeredObligation t) => t.ObligorOrganization is null ? t.Obligor.Cow : null;

    /// <summary>Every contested clause of a corpus (<c>pacta readings --json</c>, <c>GET /api/readings</c>).</summary>
    public static JsonObject Listing(Corpus corpus) => new()
    {
        ["clauses"] = new JsonArray([.. corpus.Agreements.Where(a => a.Contested.Count > 0).SelectMany(a => a.Contested.Select(c => (JsonNode)Clause(a, c)))]),
    };

    public static JsonObject Clause(Agreement a, ContestedClause c)
    {
        var applied = a.Applied.FirstOrDefault(x => ReferenceEquals(x.Clause, c))?.Reading ?? c.Default;
        var sources = a.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        return new JsonObject
        {
            ["agreement"] = a.Id,
            ["provision"] = c.Provision is { } p ? a.Provisions.FirstOrDefault(q => q.Id == p)?.Citation : null,
            ["provision_id"] = c.Provision,
            ["clause"] = c.Id,
            ["question"] = c.Question,
            ["default"] = c.Default,
            ["default_reason"] = c.DefaultReason,
            ["applied"] = applied,
            ["readings"] = new JsonArray([.. c.Readings.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Id,
                ["summary"] = r.Summary,
                ["sets"] = new JsonArray([.. r.Effect.Keys.Select(k => (JsonNode)k)]),
                ["sources"] = new JsonArray([.. r.Sources.Select(s => (JsonNode)new JsonObject
                {
                    ["id"] = s,
                    ["url"] = sources.GetValueOrDefault(s)?.Url,
                    ["supports"] = sources.GetValueOrDefault(s)?.Supports,
                })]),
                ["file"] = r.Position.File,
                ["line"] = r.Position.Line,
            })]),
        };
    }
}
