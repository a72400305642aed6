using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pacta.Domain;

namespace Pacta.Contracts;

/// <summary>
/// The JSON shapes of the machine contract (docs/model.md), used by the CLI's <c>--json</c> and the
/// HTTP API alike, so both speak the same words. Every state is <c>{"cow", "iso3", "name"}</c>.
/// </summary>
public static class JsonShapes
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(JsonNode? node) => node?.ToJsonString(Options) ?? "null";

    public static JsonObject State(State s) => new()
    {
        ["cow"] = s.Cow,
        ["iso3"] = s.Iso3,
        ["name"] = s.Name,
    };

    public static JsonObject State(StateRegistry registry, int cow) =>
        registry.ByCow(cow) is { } s ? State(s) : new JsonObject { ["cow"] = cow, ["iso3"] = null, ["name"] = $"COW {cow}" };

    public static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd");

    public static JsonObject Span(DateSpan span) => new() { ["from"] = Date(span.From), ["to"] = Date(span.To) };

    public static JsonObject StateDetail(State s)
    {
        var o = State(s);
        o["cowc"] = s.Cowc;
        o["iso2"] = s.Iso2;
        o["spells"] = new JsonArray(s.Spells.Select(x => (JsonNode)Span(x)).ToArray());
        if (s.Note is not null) o["note"] = s.Note;
        return o;
    }

    public static JsonObject AgreementSummary(Corpus corpus, Agreement a, DateOnly? on)
    {
        var parties = on is { } day
            ? corpus.PartiesOn(a, day).Select(p => p.State).Distinct()
            : corpus.EverParties(a).Distinct();
        return new JsonObject
        {
            ["id"] = a.Id,
            ["title"] = a.Title,
            ["form"] = Words.Of(a.Form),
            ["status"] = Words.Of(a.Status),
            ["bindingness"] = Words.Of(a.Bindingness),
            ["origin"] = Words.Of(a.Origin),
            ["signed"] = Date(a.Dates.Signed),
            ["in_force"] = Span(a.InForce),
            ["provisions"] = a.Provisions.Count,
            ["parties"] = new JsonArray(parties.OrderBy(c => c).Select(c => (JsonNode)State(corpus.States, c)).ToArray()),
        };
    }

    /// <summary>The whole agreement (docs/model.md), as <see cref="AgreementJson"/> writes it from the model.</summary>
    public static JsonObject Agreement(Corpus corpus, Agreement a) =>
        JsonNode.Parse(AgreementJson.ToUtf8(corpus, a, default))!.AsObject();

    public static JsonArray Strings(IEnumerable<string> items) => new(items.Select(i => (JsonNode)JsonValue.Create(i)).ToArray());
}
