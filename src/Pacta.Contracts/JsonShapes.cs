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

    public static JsonObject Agreement(Corpus corpus, Agreement a)
    {
        var o = new JsonObject
        {
            ["id"] = a.Id,
            ["title"] = a.Title,
            ["short_title"] = a.ShortTitle,
            ["form"] = Words.Of(a.Form),
            ["status"] = Words.Of(a.Status),
            ["bindingness"] = Words.Of(a.Bindingness),
            ["bindingness_note"] = a.BindingnessNote,
            ["origin"] = Words.Of(a.Origin),
            ["file"] = a.Position.File,
            ["dates"] = new JsonObject
            {
                ["signed"] = Date(a.Dates.Signed),
                ["in_force"] = Date(a.Dates.InForceOn),
                ["ends"] = Date(a.Dates.Ends),
                ["last_day"] = Date(a.Dates.LastDay),
                ["ends_reason"] = a.Dates.EndsReason,
                ["duration"] = a.Dates.Duration?.ToString(),
                ["notice"] = a.Dates.Notice?.ToString(),
                ["termination"] = a.Dates.TerminationNote,
            },
            ["parties"] = new JsonArray(a.Parties.Select(p => (JsonNode)Party(corpus, p)).ToArray()),
            ["sources"] = new JsonArray(a.Sources.Select(s => (JsonNode)new JsonObject
            {
                ["id"] = s.Id, ["url"] = s.Url, ["supports"] = s.Supports, ["reliability"] = s.Reliability,
            }).ToArray()),
            ["provisions"] = new JsonArray(a.Provisions.Select(p => (JsonNode)Provision(corpus, a, p)).ToArray()),
            ["notes"] = Strings(a.Notes),
            ["uncertain"] = Strings(a.Uncertain),
            ["related"] = new JsonArray(a.Related.Select(r => (JsonNode)new JsonObject { ["agreement"] = r.Agreement, ["relation"] = Words.Of(r.Relation) }).ToArray()),
        };
        if (a.Contested.Count > 0) o["contested"] = new JsonArray([.. a.Contested.Select(c => (JsonNode)ReadingsJson.Clause(a, c))]);
        if (a.SetAside.Count > 0) o["set_aside"] = new JsonArray([.. a.SetAside.Select(p => (JsonNode)Party(corpus, p))]); // assumed parties the applied reading leaves out
        return o;
    }

    public static JsonObject Party(Corpus corpus, Party p)
    {
        var o = PartyFields(corpus, p);
        if (p.AssumedByEncoding) o["assumed"] = true; // only where the encoding assumes the party: the text does not name it
        return o;
    }

    private static JsonObject PartyFields(Corpus corpus, Party p) => new()
    {
        ["state"] = p.State is { } s ? State(corpus.States, s) : null,
        ["organization"] = p.Organization,
        ["role"] = Words.Of(p.Role),
        ["from"] = Date(p.Span.From),
        ["to"] = Date(p.Span.To),
        ["note"] = p.Note,
        ["suspended"] = new JsonArray(p.Suspensions.Select(x => (JsonNode)new JsonObject
        {
            ["from"] = Date(x.Span.From),
            ["to"] = Date(x.Span.To),
            ["between"] = new JsonArray(x.Counterparts.Select(c => (JsonNode)State(corpus.States, c)).ToArray()),
            ["note"] = x.Note,
        }).ToArray()),
    };

    public static JsonObject Provision(Corpus corpus, Agreement a, Provision p) => new()
    {
        ["id"] = p.Id,
        ["stable_id"] = StableIds.Provision(a, p),
        ["citation"] = p.Citation,
        ["kind"] = Words.Of(p.Kind),
        ["summary"] = p.Summary,
        ["quote"] = p.Quote,
        ["sources"] = Strings(p.Sources),
        ["line"] = p.Position.Line,
        ["trigger"] = p.Trigger is { } t ? new JsonObject
        {
            ["kinds"] = Strings(t.Kinds.Select(Words.Of)),
            ["target"] = Selector(corpus, t.Target),
            ["attacker"] = Selector(corpus, t.Attacker),
            ["scope"] = new JsonObject
            {
                ["include"] = Strings(t.Scope.Include),
                ["exclude"] = Strings(t.Scope.Exclude),
                ["territory"] = Words.Of(t.Scope.Territory),
                ["note"] = t.Scope.Note,
            },
            ["after_hostilities"] = t.AfterHostilities,
            ["threshold"] = t.Threshold is { } th ? new JsonObject { ["all_of"] = Strings(th.Attributes), ["quote"] = th.Quote } : null,
            ["void_if"] = new JsonArray(t.VoidIf.Select(v => (JsonNode)new JsonObject { ["attribute"] = v.Attribute, ["text"] = v.Text }).ToArray()),
        } : null,
        ["obligations"] = new JsonArray(p.Obligations.Select(o => (JsonNode)Obligation(corpus, o, StableIds.Obligation(a, p, o))).ToArray()),
        ["conditions"] = Conditions(corpus, p.Conditions),
        ["breached_by"] = Strings(p.BreachedBy.Select(Words.Of)),
        ["uncertain"] = Strings(p.Uncertain),
    };

    public static JsonObject Obligation(Corpus corpus, Obligation o, string? id = null) => new()
    {
        ["id"] = id,
        ["obligor"] = Selector(corpus, o.Obligor),
        ["beneficiary"] = Selector(corpus, o.Beneficiary),
        ["action"] = o.Action,
        ["strength"] = Words.Of(o.Strength),
        ["assistance"] = Strings(o.Assistance.Select(Words.Of)),
        ["deadline"] = o.Deadline?.ToString(),
        ["firmness"] = o.Deadline is null ? null : Words.Of(o.Firmness),
        ["timing"] = o.Timing,
        ["amounts"] = Amounts(o.Amounts),
        ["conditions"] = Conditions(corpus, o.Conditions),
    };

    public static JsonArray Amounts(IEnumerable<Amount> amounts) => new(amounts.Select(a => (JsonNode)new JsonObject
    {
        ["amount"] = a.Value,
        ["currency"] = a.Currency,
        ["year"] = a.Year,
        ["basis"] = a.Basis,
        ["percent_of_gdp"] = a.PercentOfGdp,
        ["note"] = a.Note,
    }).ToArray());

    public static JsonArray Conditions(Corpus corpus, IEnumerable<Condition> conditions) => new(conditions.Select(c => (JsonNode)new JsonObject
    {
        ["kind"] = Words.Of(c.Kind),
        ["text"] = c.Text,
        ["states"] = new JsonArray(c.States.Select(s => (JsonNode)State(corpus.States, s)).ToArray()),
    }).ToArray());

    public static JsonNode Selector(Corpus corpus, Selector s) => s.Kind switch
    {
        SelectorKind.States => new JsonArray(s.States.Select(c => (JsonNode)State(corpus.States, c)).ToArray()),
        SelectorKind.Role => JsonValue.Create($"role:{Words.Of(s.Role!.Value)}"),
        SelectorKind.Organization => new JsonObject { ["organization"] = s.Organization, ["name"] = corpus.Organization(s.Organization!)?.Name },
        _ => JsonValue.Create(Words.Of(s.Kind)),
    };

    public static JsonArray Strings(IEnumerable<string> items) => new(items.Select(i => (JsonNode)JsonValue.Create(i)).ToArray());
}
