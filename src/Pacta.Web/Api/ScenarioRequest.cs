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
    /// <summary>A stable key of the request, for caching the outcome.</summary>
    public string Key => string.Join('\u001f', Attacker, Target, Date, Kind, Location,
        string.Join('\u001e', Ceasefire), string.Join('\u001e', Adopted), string.Join('\u001e', Member), IncludeAtop);

    public static ScenarioRequest FromQuery(IQueryCollection q) => new(
        q["attacker"], q["target"], q["date"], q["kind"], q["location"],
        Many(q["ceasefire"]), Many(q["adopted"]), Many(q["member"]), Flag(q["include_atop"], "include_atop"));

    public static async Task<ScenarioRequest> FromBody(HttpRequest request)
    {
        var o = await Json.ReadObject(request);
        return new(Json.String(o, "attacker"), Json.String(o, "target"), Json.String(o, "date"), Json.String(o, "kind"),
            Json.String(o, "location"), Json.Strings(o, "ceasefire"), Json.Strings(o, "adopted"), Json.Strings(o, "member"), Json.Bool(o, "include_atop") ?? true);
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
        var attacker = State(corpus, Attacker, "attacker");
        var target = State(corpus, Target, "target");
        if (attacker.Cow == target.Cow) throw ApiProblem.BadField("target", $"the attacker and the target are the same state ({target.Name})");
        var (day, time) = When(Date);
        var kindText = string.IsNullOrWhiteSpace(Kind) ? "armed-attack" : Kind;
        if (!Words.TryParse<TriggerKind>(kindText, out var kind))
            throw ApiProblem.BadField("kind", $"'{kindText}' is not an event kind; expected one of {string.Join(", ", Words.All<TriggerKind>())}");
        Location location;
        if (!string.IsNullOrWhiteSpace(Location))
        {
            location = corpus.Locations.Find(Location)
                ?? throw ApiProblem.BadField("location", $"unknown location '{Location}' (expected an ISO 3166-1 alpha-2 or ISO 3166-2 code such as EE, UA-63)");
        }
        else
        {
            // As the CLI: the target's own country, else the territory it held that day (historic states).
            location = (target.Iso2 is { } iso2 ? corpus.Locations.Find(iso2) : null)
                ?? corpus.Locations.HeldBy(target.Cow, day)
                ?? throw ApiProblem.BadField("location", $"{target.Name} has no ISO 3166 code; give a location");
        }
        var ceasefires = Ceasefire.Select(c =>
        {
            var parts = c.Split(':');
            if (parts.Length == 1) return new AssumedCeasefire(null, Day(parts[0], "ceasefire"));
            if (corpus.Conflict(parts[0]) is null)
                throw ApiProblem.BadField("ceasefire", $"unknown conflict '{parts[0]}'{Suggest.DidYouMean(parts[0], corpus.Conflicts.Select(x => x.Id))}");
            return new AssumedCeasefire(parts[0], Day(parts[1], "ceasefire"));
        }).ToList();
        var adopted = Adopted.Select(a =>
        {
            var parts = a.Split(':', 2);
            if (corpus.Agreement(parts[0]) is null)
                throw ApiProblem.BadField("adopted", $"unknown agreement '{parts[0]}'{Suggest.DidYouMean(parts[0], corpus.Agreements.Select(x => x.Id))}");
            return new AssumedAdoption(parts[0], parts.Length > 1 ? Day(parts[1], "adopted") : null);
        }).ToList();
        var members = Member.Select(m =>
        {
            var parts = m.Split(':');
            if (parts.Length is < 2 or > 3) throw ApiProblem.BadField("member", $"'{m}' must be STATE:AGREEMENT-OR-ORGANIZATION[:DATE]");
            var state = State(corpus, parts[0], "member");
            if (corpus.Agreement(parts[1]) is null && corpus.Organization(parts[1]) is null)
                throw ApiProblem.BadField("member", $"'{parts[1]}' is neither an agreement nor an organization");
            return new AssumedMembership(state.Cow, parts[1], parts.Length == 3 ? Day(parts[2], "member") : null);
        }).ToList();
        return (new Event(kind, attacker, target, day, time, location), new Assumptions(ceasefires, adopted, members));
    }

    public static State State(Corpus corpus, string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) throw ApiProblem.BadField(field, $"'{field}' is required (a COW number, COW letters, ISO3, ISO2 or a name)");
        var r = corpus.States.Resolve(text);
        return r.State ?? throw ApiProblem.BadField(field, r.Error ?? $"unknown state '{text}'");
    }

    /// <summary>An ISO 8601 day from 1816 on, as the CLI accepts.</summary>
    public static DateOnly Day(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) throw ApiProblem.BadField(field, $"'{field}' is required (YYYY-MM-DD)");
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            throw ApiProblem.BadField(field, $"'{text}' is not a date (expected YYYY-MM-DD)");
        if (d.Year < 1816) throw ApiProblem.BadField(field, $"{text} is before 1816, where the state system (and Pacta's data) begins");
        return d;
    }

    public static DateOnly? OptionalDay(string? text, string field) => string.IsNullOrWhiteSpace(text) ? null : Day(text, field);

    private static (DateOnly, TimeOnly?) When(string? text)
    {
        var t = (text ?? "").Split('T', 2);
        var day = Day(t[0], "date");
        if (t.Length == 1) return (day, null);
        if (!TimeOnly.TryParseExact(t[1].TrimEnd('Z'), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            throw ApiProblem.BadField("date", $"'{text}' has no valid UTC time (expected YYYY-MM-DDTHH:MM)");
        return (day, time);
    }
}
