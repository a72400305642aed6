using System.Text.Json.Nodes;
using Pacta.Contracts;
using Pacta.Domain;
using Pacta.Tests.Support;

namespace Pacta.Tests.Model;

/// <summary>
/// The closed word sets are enums, spelled by <see cref="Words"/>: every value's word must come back as the value, through
/// <see cref="Words"/>, through the file reader and the agreement JSON, and be the word <see cref="Vocabulary"/> (and so
/// <c>/api/vocabulary</c>) lists. A string compared in place of an enum would show up here as a word that does not
/// round-trip; the web test checks the endpoint itself.
/// </summary>
public sealed class VocabularyTests
{
    public static TheoryData<Type> ClosedSets =>
    [
        typeof(Territory), typeof(AgreementOrigin), typeof(Relation), typeof(SelectorKind), typeof(TriggerKind),
        typeof(Strength), typeof(PartyRole), typeof(ProvisionKind), typeof(AssistanceType), typeof(ConditionKind),
        typeof(Bindingness), typeof(AgreementForm), typeof(AgreementStatus), typeof(DeadlineFirmness),
    ];

    [Theory]
    [MemberData(nameof(ClosedSets))]
    public void EveryValue_HasOneKebabWord_ThatParsesBack(Type set)
    {
        var check = typeof(VocabularyTests).GetMethod(nameof(RoundTrip), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        check.MakeGenericMethod(set).Invoke(null, null);
    }

    private static void RoundTrip<T>() where T : struct, Enum
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in Enum.GetValues<T>())
        {
            var w = Words.Of(v);
            Assert.Matches("^[a-z]+(-[a-z0-9]+)*$", w);
            Assert.True(words.Add(w), $"{typeof(T).Name}: two values spelled '{w}'");
            Assert.True(Words.TryParse<T>(w, out var back), $"{typeof(T).Name}: '{w}' does not parse");
            Assert.Equal(v, back);
        }
        Assert.False(Words.TryParse<T>("no-such-word", out _));
    }

    [Fact]
    public void TheWordSets_AreTheEnumsWords_InOrder_EachDescribed()
    {
        Assert.Equal(["target", "any-party", "any"], Vocabulary.Territories.Select(w => w.Name));
        Assert.Equal(["pacta", "atop"], Vocabulary.Origins.Select(w => w.Name));
        Assert.Equal(["same-as", "supersedes", "successor-of"], Vocabulary.Relations.Select(w => w.Name));
        Assert.Equal(Words.All<Territory>(), Vocabulary.Territories.Select(w => w.Name));
        Assert.Equal(Words.All<AgreementOrigin>(), Vocabulary.Origins.Select(w => w.Name));
        Assert.Equal(Words.All<Relation>(), Vocabulary.Relations.Select(w => w.Name));
        Assert.All(Vocabulary.Territories.Concat(Vocabulary.Origins).Concat(Vocabulary.Relations), w => Assert.True(w.Description.Length > 20, w.Name));
        Assert.Equal(Words.All<TriggerKind>(), Vocabulary.EventKinds);
        Assert.Equal(["automatic", "discretionary", "consultative"], Vocabulary.StrengthRanks);
    }

    public static TheoryData<string> TerritoryWords => [.. Words.All<Territory>()];

    [Theory]
    [MemberData(nameof(TerritoryWords))]
    public void Reader_ReadsEachTerritoryWord_AndTheAgreementJsonWritesItBack(string word)
    {
        var a = Load(Fixture().Replace("territory: target", $"territory: {word}"));
        var scope = a.Provisions.Select(p => p.Trigger?.Scope).Single(s => s is not null)!;
        Assert.True(Words.TryParse<Territory>(word, out var expected));
        Assert.Equal(expected, scope.Territory);
        Assert.Equal(AgreementOrigin.Pacta, a.Origin);
        var json = JsonShapes.Agreement(TestCorpus.Corpus, a);
        Assert.Equal("pacta", (string?)json["origin"]);
        var written = json["provisions"]!.AsArray().Select(p => p!["trigger"]).OfType<JsonNode>().Single()["scope"]!["territory"];
        Assert.Equal(word, (string?)written);
    }

    public static TheoryData<string> RelationWords => [.. Words.All<Relation>()];

    [Theory]
    [MemberData(nameof(RelationWords))]
    public void Reader_ReadsEachRelationWord_AndTheAgreementJsonWritesItBack(string word)
    {
        // atop-1005 is an imported ATOP alliance (the first the bundled release lists), so same-as may name it.
        var a = Load(Fixture().Replace("bindingness: legal\n", $"bindingness: legal\nrelated:\n  - agreement: atop-1005\n    relation: {word}\n"));
        Assert.True(Words.TryParse<Relation>(word, out var expected));
        Assert.Equal(expected, Assert.Single(a.Related).Relation);
        var related = Assert.Single(JsonShapes.Agreement(TestCorpus.Corpus, a)["related"]!.AsArray())!;
        Assert.Equal(word, (string?)related["relation"]);
    }

    [Theory]
    [InlineData("territory: target", "territory: home", "PACTA054", "'home' is not a valid territory; expected one of target, any-party, any")]
    [InlineData("bindingness: legal\n", "bindingness: legal\nrelated:\n  - agreement: atop-1005\n    relation: same\n", "PACTA067",
        "'same' is not a valid relation; expected one of same-as, supersedes, successor-of")]
    public void Reader_RefusesAWordOutsideTheSet_WithTheWords(string old, string replacement, string code, string message)
    {
        var result = LoadResult(Fixture().Replace(old, replacement));
        Assert.Null(result.Corpus);
        var d = result.Diagnostics[0];
        Assert.Equal(code, d.Code);
        Assert.StartsWith(message, d.Message);
    }

    private static string Fixture() => File.ReadAllText(Repo.Path("tests", "fixtures", "valid", "test-pact-2020.yaml"));

    private static Agreement Load(string text)
    {
        var result = LoadResult(text);
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics));
        return result.Corpus!.Agreements.Single(x => x.Id == "test-pact-2020");
    }

    private static Pacta.Authoring.LoadResult LoadResult(string text)
    {
        var dir = Directory.CreateTempSubdirectory("pacta-vocab-");
        try
        {
            var path = Path.Combine(dir.FullName, "test-pact-2020.yaml");
            File.WriteAllText(path, text);
            return TestCorpus.Loader.Load([path], baseCorpusDir: Repo.Path("corpus"));
        }
        finally { dir.Delete(recursive: true); }
    }
}
