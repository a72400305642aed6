using System.Text.Json.Nodes;
using Pacta.Authoring.Reading;
using Pacta.Tests.Support;
using Pacta.Workspace;

namespace Pacta.Tests.Authoring;

/// <summary>
/// The JSON Schemas in schema/ (written for editors) name exactly the keys the readers accept, and require exactly
/// the keys the readers require, for every kind of mapping the readers check (their own tables, recorded by
/// <see cref="ReaderKeys"/> while the whole corpus, organizations, conflicts and reviews are read).
/// </summary>
public sealed class JsonSchemaKeyTests
{
    /// <summary>Where each mapping the reader names lives in the schemas (file, then JSON pointer).</summary>
    private static readonly Dictionary<string, (string Schema, string Pointer)[]> Places = new()
    {
        ["agreement"] = [("agreement", "")],
        ["dates"] = [("agreement", "/properties/dates")],
        ["party"] = [("agreement", "/properties/parties/items")],
        ["suspension"] = [("agreement", "/properties/parties/items/properties/suspended/items")],
        ["source"] = [("agreement", "/properties/sources/items"), ("organization", "/properties/sources/items"),
            ("conflict", "/properties/sources/items"), ("review", "/properties/alliances/items/properties/sources/items"),
            ("invocation", "/properties/sources/items")],
        ["related entry"] = [("agreement", "/properties/related/items")],
        ["provision"] = [("agreement", "/properties/provisions/items")],
        ["trigger"] = [("agreement", "/properties/provisions/items/properties/trigger")],
        ["scope"] = [("agreement", "/properties/provisions/items/properties/trigger/properties/scope")],
        ["obligation"] = [("agreement", "/properties/provisions/items/properties/obligations/items")],
        ["amount"] = [("agreement", "/properties/provisions/items/properties/obligations/items/properties/amounts/items")],
        ["condition"] = [("agreement", "/properties/provisions/items/properties/conditions/items"),
            ("agreement", "/properties/provisions/items/properties/obligations/items/properties/conditions/items")],
        ["threshold"] = [("agreement", "/properties/provisions/items/properties/trigger/properties/threshold")],
        ["void_if entry"] = [("agreement", "/properties/provisions/items/properties/trigger/properties/void_if/items")],
        ["contested clause"] = [("agreement", "/properties/contested/items"), ("agreement", "/properties/provisions/items/properties/contested/items")],
        ["reading"] = [("agreement", "/properties/contested/items/properties/readings/items"),
            ("agreement", "/properties/provisions/items/properties/contested/items/properties/readings/items"),
            ("review", "/properties/alliances/items/properties/contested/items/properties/readings/items")],
        ["contested point of a review"] = [("review", "/properties/alliances/items/properties/contested/items")],
        ["state not coded in a review"] = [("review", "/properties/alliances/items/properties/not_coded/items")],
        ["the set of a review's reading (changes)"] = [("review", "/properties/alliances/items/properties/contested/items/properties/readings/items/properties/set")],
        ["the set of an agreement's reading (bindingness, assumed_parties)"] = [("agreement", "/properties/contested/items/properties/readings/items/properties/set")],
        ["the set of a provision's reading (after_hostilities, attacker, obligor)"] =
            [("agreement", "/properties/provisions/items/properties/contested/items/properties/readings/items/properties/set")],
        ["organization"] = [("organization", "")],
        ["member"] = [("organization", "/properties/members/items")],
        ["conflict"] = [("conflict", "")],
        ["review file"] = [("review", "")],
        ["reviewed alliance"] = [("review", "/properties/alliances/items")],
        ["change"] = [("review", "/properties/alliances/items/properties/changes/items"),
            ("review", "/properties/alliances/items/properties/contested/items/properties/readings/items/properties/set/properties/changes/items")],
        ["invocation file"] = [("invocation", "")],
        ["invocation condition"] = [("invocation", "/properties/conditions/items")],
        ["clause"] = [("invocation", "/properties/clauses/items")],
    };

    private static readonly Lazy<IReadOnlyDictionary<string, (IReadOnlyList<string> Required, IReadOnlyList<string> Optional)>> Read = new(() =>
    {
        // Parse everything from the sources (no snapshot), so that every reader runs.
        var ws = new PactaWorkspace(null) { UseSnapshot = false };
        Assert.NotEmpty(ws.Corpus.Agreements);
        return ReaderKeys.Seen;
    });

    private static JsonObject At(string schema, string pointer)
    {
        JsonNode node = JsonNode.Parse(File.ReadAllText(Repo.Path("schema", $"{schema}.schema.json")))!;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)) node = node[part]!;
        return node.AsObject();
    }

    [Fact]
    public void Every_mapping_the_readers_check_has_its_place_in_a_schema()
    {
        var seen = Read.Value;
        Assert.Empty(ReaderKeys.Inconsistent);
        Assert.Empty(seen.Keys.Except(Places.Keys));
        // Every place is met by reading the bundled files, so none of the comparisons below is vacuous.
        Assert.Empty(Places.Keys.Except(seen.Keys));
    }

    public static TheoryData<string> Mappings() => [.. Places.Keys];

    [Theory]
    [MemberData(nameof(Mappings))]
    public void Schema_names_and_requires_the_readers_keys(string what)
    {
        var (required, optional) = Read.Value[what];
        foreach (var (schema, pointer) in Places[what])
        {
            var o = At(schema, pointer);
            var properties = o["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
            var schemaRequired = (o["required"]?.AsArray().Select(r => (string)r!) ?? []).Order(StringComparer.Ordinal).ToList();
            Assert.True(required.Concat(optional).Order(StringComparer.Ordinal).SequenceEqual(properties),
                $"{schema}.schema.json{pointer}: the reader accepts [{string.Join(", ", required.Concat(optional).Order())}], the schema names [{string.Join(", ", properties)}]");
            Assert.True(required.Order(StringComparer.Ordinal).SequenceEqual(schemaRequired),
                $"{schema}.schema.json{pointer}: the reader requires [{string.Join(", ", required.Order())}], the schema [{string.Join(", ", schemaRequired)}]");
            Assert.Equal(false, (bool?)o["additionalProperties"]);
        }
    }
}
