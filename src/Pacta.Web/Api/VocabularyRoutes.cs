using System.Text.Json.Nodes;
using Pacta.Domain;

namespace Pacta.Web.Api;

/// <summary>
/// <c>/api/vocabulary</c>: the model's closed word sets from <see cref="Vocabulary"/>, so that a client lists event
/// kinds, ranks strengths and names roles as the engine does instead of keeping its own copies.
/// </summary>
public static class VocabularyRoutes
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/vocabulary", () => Json.Of(new JsonObject
        {
            ["event_kinds"] = Words(Vocabulary.EventKinds),
            ["strength_ranks"] = Words(Vocabulary.StrengthRanks),
            ["roles"] = Words(Vocabulary.Roles),
            ["provision_kinds"] = Words(Vocabulary.ProvisionKinds),
            ["assistance_types"] = Words(Vocabulary.AssistanceTypes),
            ["condition_kinds"] = Words(Vocabulary.ConditionKinds),
            ["bindingness"] = Words(Vocabulary.Bindingness),
            ["selector_kinds"] = Words(Vocabulary.SelectorKinds.All),
            ["territories"] = Words(Vocabulary.Territories.Select(w => w.Name)),
            ["origins"] = Words(Vocabulary.Origins.Select(w => w.Name)),
            ["relations"] = Words(Vocabulary.Relations.Select(w => w.Name)),
            ["descriptions"] = new JsonObject
            {
                ["territories"] = Described(Vocabulary.Territories),
                ["origins"] = Described(Vocabulary.Origins),
                ["relations"] = Described(Vocabulary.Relations),
            },
        }))
        .WithSummary("The model's closed word sets (event kinds, strengths strongest first, roles, …)")
        .WithDescription("Each set is a list of the words as files and JSON spell them; `descriptions` says what the words of " +
            "`territories`, `origins` and `relations` mean, as {word: text}.");
    }

    private static JsonObject Described(IEnumerable<Vocabulary.Word> words) =>
        new(words.Select(w => KeyValuePair.Create(w.Name, (JsonNode?)JsonValue.Create(w.Description))));

    private static JsonArray Words(IEnumerable<string> words) => new(words.Select(w => (JsonNode)JsonValue.Create(w)).ToArray());
}
