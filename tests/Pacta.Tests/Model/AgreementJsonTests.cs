using System.Reflection;
using System.Text.Json.Nodes;
using Pacta.Contracts;
using Pacta.Domain;
using Pacta.Tests.Support;
using Pacta.Workspace;

namespace Pacta.Tests.Model;

/// <summary>
/// The agreement JSON is generated from the model types (AgreementJson, ModelJsonGenerator): every field of every
/// type reaches it under the contract's key, on values made from the types' shapes, and the bundled agreements'
/// JSON is byte for byte what the hand-written writer it replaced printed (tests/golden/agreement-json).
/// </summary>
public sealed class AgreementJsonTests
{
    private static readonly Lazy<PactaSession> Session = new(() => PactaSession.Open());

    [Fact]
    public void Every_field_of_every_model_type_reaches_the_agreement_json()
    {
        var json = JsonShapes.Agreement(Session.Value.Corpus, new ModelValues().Make<Agreement>());
        Assert.Empty(Missing(json));
        // The nested types are reached: a trigger's threshold, an obligation's amounts, a party's suspension.
        var provision = json["provisions"]![0]!;
        Assert.NotNull(provision["trigger"]!["threshold"]!["all_of"]);
        Assert.NotNull(provision["obligations"]![0]!["amounts"]![1]!["percent_of_gdp"]);
        Assert.NotNull(json["parties"]![0]!["suspended"]![0]!["between"]![0]!["cow"]);
    }

    [Fact]
    public void The_field_check_finds_a_key_left_out()
    {
        // The check above is not vacuous: a field whose key is missing is named, by type and property.
        var json = JsonShapes.Agreement(Session.Value.Corpus, new ModelValues().Make<Agreement>());
        json["provisions"]![1]!.AsObject().Remove("quote");
        Assert.Equal(["Provision.Quote as quote"], Missing(json));
    }

    public static TheoryData<string> Recorded => new()
    {
        "north-atlantic-treaty-1949", // obligations, a trigger with a scope, related agreements
        "kyiv-security-compact-2022", // contested clauses, assumed parties, conditions naming states
        "anzus-1951", // a suspension between parties
        "deu-ukr-2024", // amounts, a contested clause
        "csto-1992", // an organization's members, contested clauses
    };

    [Theory]
    [MemberData(nameof(Recorded))]
    public void Agreement_json_is_the_recorded_bytes(string id)
    {
        var corpus = Session.Value.Corpus;
        var text = JsonShapes.Write(JsonShapes.Agreement(corpus, corpus.Agreement(id)!)) + "\n";
        var path = Repo.Path("tests", "golden", "agreement-json", id + ".json");
        if (Environment.GetEnvironmentVariable("PACTA_RECORD") == "1")
        {
            File.WriteAllText(path, text);
            return;
        }
        Assert.Equal(File.ReadAllText(path), text);
    }

    /// <summary>
    /// Every field of the model types whose key is missing or null in its object of <paramref name="json"/>: the keys
    /// come from the naming rule (snake_case of the property) and the contract attributes, worked out here by
    /// reflection apart from the generator, and each type's keys are looked up in the objects written for it.
    /// </summary>
    private static List<string> Missing(JsonNode json)
    {
        var missing = new List<string>();
        Check(typeof(Agreement), json.AsObject(), missing);
        return missing;
    }

    private static void Check(Type t, JsonObject o, List<string> missing)
    {
        foreach (var x in t.GetCustomAttributes<JsonExtraAttribute>())
            if (o[x.Name] is null) missing.Add($"{t.Name}.{x.Method} as {x.Name}");
        var computed = t.GetProperties().Where(p => p.GetCustomAttribute<JsonNameAttribute>() is not null);
        foreach (var p in ModelValues.Fields(t).Union(computed))
        {
            if (p.GetCustomAttribute<JsonOmitAttribute>() is not null) continue;
            var members = p.GetCustomAttributes<JsonMemberAttribute>().ToList();
            foreach (var m in members.Where(m => o[m.Name] is null)) missing.Add($"{t.Name}.{p.Name} as {m.Name}");
            var type = Item(p.PropertyType);
            if (members.Count > 0 || type.GetCustomAttribute<JsonOmitAttribute>() is not null) continue;
            var key = p.GetCustomAttribute<JsonNameAttribute>()?.Name ?? Words.ToKebab(p.Name).Replace('-', '_');
            if (o[key] is not { } value)
            {
                missing.Add($"{t.Name}.{p.Name} as {key}");
                continue;
            }
            // A value written by a hand-written method (states, selectors, contested clauses) follows its own shape.
            if (p.GetCustomAttribute<JsonWithAttribute>() is not null || type.GetCustomAttribute<JsonWithAttribute>() is not null) continue;
            if (type.Namespace != typeof(Agreement).Namespace || !type.IsClass || type == typeof(string)) continue;
            var items = value is JsonArray a ? a.ToList() : [value];
            foreach (var item in items) Check(type, item!.AsObject(), missing);
        }
    }

    private static Type Item(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? t.GetGenericArguments()[0] : t;
    }
}
