using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Pacta.Authoring.Yaml;
using Pacta.Tests.Support;

namespace Pacta.Tests.Authoring;

/// <summary>
/// The JSON Schemas in schema/ (for editors) agree with the files: every corpus file validates, and
/// broken fixtures that the schema can see (unknown key, bad enum, bad duration) fail it.
/// </summary>
public sealed class JsonSchemaTests
{
    private static readonly Dictionary<string, JsonSchema> Schemas = new()
    {
        ["agreement"] = JsonSchema.FromFile(Repo.Path("schema", "agreement.schema.json")),
        ["organization"] = JsonSchema.FromFile(Repo.Path("schema", "organization.schema.json")),
        ["conflict"] = JsonSchema.FromFile(Repo.Path("schema", "conflict.schema.json")),
        ["review"] = JsonSchema.FromFile(Repo.Path("schema", "review.schema.json")),
        ["invocation"] = JsonSchema.FromFile(Repo.Path("schema", "invocation.schema.json")),
    };

    private static JsonSchema Schema(string name) => Schemas[name];

    /// <summary>YAML → JSON with YAML 1.2 core-schema scalars (plain numbers, booleans and null are typed).</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMapping m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        YamlSequence s => new JsonArray(s.Items.Select(ToJson).ToArray()),
        YamlScalar { IsNull: true } => null,
        YamlScalar { Quoted: false, Value: "true" or "false" } b => JsonValue.Create(b.Value == "true"),
        YamlScalar { Quoted: false } n when decimal.TryParse(n.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !n.Value.Contains('-', StringComparison.Ordinal)
            => d == decimal.Truncate(d) && Math.Abs(d) < long.MaxValue ? JsonValue.Create((long)d) : JsonValue.Create(d),
        YamlScalar s => JsonValue.Create(s.Value),
        _ => null,
    };

    private static EvaluationResults Validate(string schema, string file)
    {
        var json = ToJson(YamlTreeParser.Parse(File.ReadAllText(file))!);
        using var doc = JsonDocument.Parse(json!.ToJsonString());
        return Schema(schema).Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    public static TheoryData<string, string> CorpusFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var (dir, schema) in new[] { ("agreements", "agreement"), ("organizations", "organization"), ("conflicts", "conflict"), ("reviews", "review"), ("invocation", "invocation") })
            foreach (var f in Directory.EnumerateFiles(Repo.Path("corpus", dir), "*.yaml").Order())
                data.Add(schema, Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Schema_AcceptsEveryCorpusFile(string schema, string file)
    {
        var dir = schema switch { "agreement" => "agreements", "organization" => "organizations", "review" => "reviews", "invocation" => "invocation", _ => "conflicts" };
        var result = Validate(schema, Repo.Path("corpus", dir, file));
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(200)));
    }

    [Theory]
    [InlineData("pacta002-unknown-key.yaml")]
    [InlineData("pacta013-bad-duration.yaml")]
    [InlineData("pacta020-unknown-form.yaml")]
    [InlineData("pacta024-unknown-provision-kind.yaml")]
    [InlineData("pacta026-unknown-strength.yaml")]
    [InlineData("pacta051-bad-url.yaml")]
    [InlineData("pacta053-no-provisions.yaml")]
    [InlineData("pacta075-bad-threshold.yaml")]
    [InlineData("pacta075-bad-threshold-empty.yaml")]
    [InlineData("pacta076-bad-void-if-shape.yaml")]
    public void Schema_RejectsBrokenFixture(string file)
    {
        Assert.False(Validate("agreement", Repo.Path("tests", "fixtures", "broken", file)).IsValid);
    }

    [Theory]
    [InlineData("pacta082-review-inconsistent.yaml")]
    [InlineData("pacta004-review-without-sources.yaml")]
    public void Schema_RejectsBrokenReview(string file)
    {
        Assert.False(Validate("review", Repo.Path("tests", "fixtures", "broken", "reviews", file)).IsValid);
    }
}
