using System.Globalization;
using Pacta.Domain;
using Pacta.Evaluation;

namespace Pacta.Web.Api;

/// <summary>
/// The event and assumptions of a what-if or cascade request, as strings from the query or a JSON body, with
/// the same meaning as the CLI's options (<c>--attacker</c>, <c>--assume-ceasefire</c> …). Every error names its field.
/// </summary>
public sealed record ScenarioRequest(
    string? Attacker, string? Target, string? Date, string? Kind, string? Location,
    IReadOnlyList<string> Ceasefire, IReadOnlyList<string> Adopted, IReadOnlyList<string> Member, bool IncludeAtop = true)
{
    /// <summary>Choices of reading (<c>reading</c>, as the CLI's <c>--reading</c>).</summary>
    public IReadOnlyList<string> Reading { get; init; } = [];

    /// <summary>What is known of the event (<c>event_attributes</c>: <c>NAME=yes|no|unknown</c> each), as <c>--event-attribute</c>.</summary>
    public IReadOnlyList<string> EventAttributes { get; init; } = [];

    /// <summary>A stable key of the request, for caching the outcome.</summary>
    public string Key => string.Join('\u001f', Attacker, Target, Date, Kind, Location,
        string.Join('\u001e', Ceasefire), string.Join('\u001e', Adopted), string.Join('\u001e', Member), IncludeAtop, string.Join('\u001e', Reading),
        string.Join('\u001e', EventAttributes));

    public static ScenarioRequest FromQuery(IQueryCollection q) => new(
        q["attacker"], q["target"], q["date"], q["kind"], q["location"],
        Many(q["ceasefire"]), Many(q["adopted"]), Many(q["member"]), Flag(q["include_atop"], "include_atop"))
    { Reading = Many(q["reading"]), EventAttributes = Many(q["event_attributes"]) };

    public static async Task<ScenarioRequest> FromBody(HttpRequest request)
    {
        var o = await Json.ReadObject(request);
        return new(Json.String(o, "attacker"), Json.String(o, "target"), Json.String(o, "date"), Json.String(o, "kind"),
            Json.String(o, "location"), Json.Strings(o, "ceasefire"), Json.Strings(o, "adopted"), Json.Strings(o, "member"), Json.Bool(o, "include_atop") ?? true)
        { Reading = Json.Strings(o, "reading"), EventAttributes = Json.Strings(o, "event_attributes") };
    }

    private static bool Flag(Microsoft.Extensions.Primitives.StringValues v, string field) => v.ToString() switch
    {
        "false" or "0" => false,
        "" or "true" or "1" => true,
        var other => throw ApiProblem.BadField(field, $"'{other}' must be true or false"),
    };

    private static string[] Many(Microsoft.Extensions.Primitives.StringValues v) =>
        v.SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();

    public (Event Event, Assumptions Assumptions) Read(Corpus corpus)
    {
        var s = ReadScenario(corpus);
        return (s.Event, s.Assumptions);
    }

    /// <summary>The scenario with its choices of reading (apply them with <see cref="PactaSession.WithReadings"/>).</summary>
    public Scenario ReadScenario(Corpus corpus)
    {
        var input = new ScenarioInput(Given(Attacker), Given(Target), Given(Date), Given(Kind), Given(Location), Ceasefire, Adopted, Member) { Readings = Reading, EventAttributes = EventAttributes };
        var parsed = ScenarioParser.Parse(input, corpus, Names);
        if (!parsed.Ok) throw ApiProblem.BadField(Names.Key(parsed.Errors[0].Field), parsed.Errors[0].Message);
        return parsed.Scenario!;
    }

    /// <summary>The query/body field of each scenario field, and how a sentence names it.</summary>
    public static readonly ScenarioNames Names = new(f => f == ScenarioField.EventAttribute ? "event_attributes" : Words.Of(f), f => f switch
    {
        ScenarioField.Attacker => "the attacker",
        ScenarioField.Target => "the target",
        ScenarioField.Location => "a location",
        ScenarioField.EventAttribute => "event_attributes",
        _ => Words.Of(f),
    });

    /// <summary>An empty field counts as left out.</summary>
    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    public static State State(Corpus corpus, string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) throw ApiProblem.BadField(field, $"'{field}' is required (a COW number, COW letters, ISO3, ISO2 or a name)");
        var r = corpus.States.Resolve(text);
        return r.State ?? throw ApiProblem.BadField(field, r.Error ?? $"unknown state '{text}'");
    }

    /// <summary>An ISO 8601 day from 1816 on, as the CLI accepts.</summary>
    public static DateOnly Day(string? text, string field)
    {
        if (ScenarioParser.DayError(string.IsNullOrWhiteSpace(text) ? null : text, field) is { } error) throw ApiProblem.BadField(field, error);
        return DateOnly.ParseExact(text!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public static DateOnly? OptionalDay(string? text, string field) => string.IsNullOrWhiteSpace(text) ? null : Day(text, field);
}
