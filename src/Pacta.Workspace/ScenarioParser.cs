using System.Globalization;
using Pacta.Domain;
using Pacta.Evaluation;

namespace Pacta.Workspace;

/// <summary>
/// How a host names a field: its key ("--target", "target") and inside a sentence ("--target", "the target").
/// </summary>
public sealed record ScenarioNames(Func<ScenarioField, string> Key, Func<ScenarioField, string> Prose);

/// <summary>A validated scenario: the event and the assumptions to evaluate it under.</summary>
public sealed record Scenario(Event Event, Assumptions Assumptions)
{
    /// <summary>The readings chosen for contested clauses (the defaults elsewhere); apply them with <see cref="PactaSession.WithReadings"/>.</summary>
    public IReadOnlyList<ReadingChoice> Readings { get; init; } = [];
}

/// <summary>Either a scenario or the fields at fault, in the order the fields are read (the first is reported).</summary>
public sealed record ScenarioParse(Scenario? Scenario, IReadOnlyList<ScenarioFieldError> Errors)
{
    public bool Ok => Scenario is not null;
}

/// <summary>
/// Reads a <see cref="ScenarioInput"/> against a corpus, for the CLI and the web alike, collecting every field
/// at fault. Messages are today's texts of both hosts; <see cref="ScenarioNames"/> says how each names a field.
/// </summary>
public static class ScenarioParser
{
    public static ScenarioParse Parse(ScenarioInput input, Corpus corpus, ScenarioNames name)
    {
        var errors = new List<ScenarioFieldError>();
        void Fail(ScenarioField f, string message) => errors.Add(new(f, message));

        var attacker = State(corpus, input.Attacker, ScenarioField.Attacker, name, errors);
        var target = State(corpus, input.Target, ScenarioField.Target, name, errors);
        if (attacker is not null && target is not null && attacker.Cow == target.Cow)
            errors.Add(new(ScenarioField.Target, $"{name.Prose(ScenarioField.Attacker)} and {name.Prose(ScenarioField.Target)} are the same state ({target.Name})", Standalone: true));
        var when = When(input.Date, name, errors);
        var kindText = string.IsNullOrWhiteSpace(input.Kind) ? "armed-attack" : input.Kind;
        if (!Words.TryParse<TriggerKind>(kindText, out var kind))
            Fail(ScenarioField.Kind, $"'{kindText}' is not an event kind; expected one of {string.Join(", ", Words.All<TriggerKind>())}");
        Location? location = null;
        if (!string.IsNullOrWhiteSpace(input.Location))
        {
            location = corpus.Locations.Find(input.Location);
            if (location is null) Fail(ScenarioField.Location, input.Location.StartsWith(Location.SeaAirPrefix, StringComparison.OrdinalIgnoreCase)
                ? $"unknown sea/air area '{input.Location}'; expected one of {string.Join(", ", corpus.Locations.SeaAirAreas.Select(a => Location.SeaAirPrefix + a.Id).Order(StringComparer.Ordinal))}"
                : $"unknown location '{input.Location}' (expected an ISO 3166-1 alpha-2 or ISO 3166-2 code such as EE, UA-63, SE-I, or a sea/air area such as sea-air:mediterranean-sea)");
        }
        else if (target is not null && when is { } w)
        {
            // The target's own country, else the territory it held that day (historic states).
            location = (target.Iso2 is { } iso2 ? corpus.Locations.Find(iso2) : null) ?? corpus.Locations.HeldBy(target.Cow, w.Day);
            if (location is null) Fail(ScenarioField.Location, $"{target.Name} has no ISO 3166 code; give {name.Prose(ScenarioField.Location)}");
        }

        var assumptions = Assumptions(input.Ceasefire, input.Adopted, input.Member, corpus, name, errors);
        var readings = Readings(input.Readings, corpus, errors);
        var attributes = Attributes(input.EventAttributes, errors);

        if (errors.Count > 0 || attacker is null || target is null || when is null || location is null) return new(null, errors);
        return new(new Scenario(new Event(kind, attacker, target, when.Value.Day, when.Value.Time, location) { Attributes = attributes }, assumptions) { Readings = readings }, []);
    }

    /// <summary>The event's attributes, <c>NAME=yes|no|unknown</c> each; a name given twice is an error.</summary>
    private static EventAttributes Attributes(IReadOnlyList<string> texts, List<ScenarioFieldError> errors)
    {
        var attributes = EventAttributes.None;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (EventAttributes.Parse(text, out var error) is not { } a) errors.Add(new(ScenarioField.EventAttribute, error!));
            else if (!seen.Add(a.Name)) errors.Add(new(ScenarioField.EventAttribute, $"'{a.Name}' is given twice"));
            else attributes = attributes.With(a.Name, a.Value);
        }
        return attributes;
    }

    /// <summary>The assumption fields alone (exposure has no event); errors are added to <paramref name="errors"/>.</summary>
    public static Assumptions Assumptions(IReadOnlyList<string> ceasefire, IReadOnlyList<string> adoptedIds, IReadOnlyList<string> member,
        Corpus corpus, ScenarioNames name, List<ScenarioFieldError> errors)
    {
        void Fail(ScenarioField f, string message) => errors.Add(new(f, message));
        var ceasefires = new List<AssumedCeasefire>();
        foreach (var c in ceasefire)
        {
            var parts = c.Split(':');
            if (parts.Length > 2) Fail(ScenarioField.Ceasefire, $"'{c}' must be DATE or CONFLICT:DATE");
            else if (parts.Length == 1) { if (Day(parts[0], ScenarioField.Ceasefire, name, errors) is { } d) ceasefires.Add(new(null, d)); }
            else if (corpus.Conflict(parts[0]) is null)
                Fail(ScenarioField.Ceasefire, $"unknown conflict '{parts[0]}'{Suggest.DidYouMean(parts[0], corpus.Conflicts.Select(x => x.Id))}");
            else if (Day(parts[1], ScenarioField.Ceasefire, name, errors) is { } d) ceasefires.Add(new(parts[0], d));
        }
        var adopted = new List<AssumedAdoption>();
        foreach (var a in adoptedIds)
        {
            var parts = a.Split(':', 2);
            if (corpus.Agreement(parts[0]) is null)
                Fail(ScenarioField.Adopted, $"unknown agreement '{parts[0]}'{Suggest.DidYouMean(parts[0], corpus.Agreements.Select(x => x.Id))}");
            else if (parts.Length == 1) adopted.Add(new(parts[0], null));
            else if (Day(parts[1], ScenarioField.Adopted, name, errors) is { } d) adopted.Add(new(parts[0], d));
        }
        var members = new List<AssumedMembership>();
        foreach (var m in member)
        {
            var parts = m.Split(':');
            if (parts.Length is < 2 or > 3) { Fail(ScenarioField.Member, $"'{m}' must be STATE:AGREEMENT-OR-ORGANIZATION[:DATE]"); continue; }
            var state = State(corpus, parts[0], ScenarioField.Member, name, errors);
            if (state is null) continue;
            if (corpus.Agreement(parts[1]) is null && corpus.Organization(parts[1]) is null)
            {
                Fail(ScenarioField.Member, $"'{parts[1]}' is neither an agreement nor an organization" +
                    Suggest.DidYouMean(parts[1], corpus.Agreements.Select(x => x.Id).Concat(corpus.Organizations.Select(o => o.Id))));
                continue;
            }
            if (parts.Length == 2) members.Add(new(state.Cow, parts[1], null));
            else if (Day(parts[2], ScenarioField.Member, name, errors) is { } d) members.Add(new(state.Cow, parts[1], d));
        }

        return new Assumptions(ceasefires, adopted, members);
    }

    /// <summary>The choices of reading (what-if, cascade, compare); each must name a contested clause and one of its readings.</summary>
    public static IReadOnlyList<ReadingChoice> Readings(IReadOnlyList<string> texts, Corpus corpus, List<ScenarioFieldError> errors)
    {
        var result = new List<ReadingChoice>();
        foreach (var text in texts)
        {
            var c = ReadingChoices.Parse(text, out var error);
            error ??= c is null ? null : ReadingChoices.Check(c, corpus);
            if (error is not null) errors.Add(new(ScenarioField.Reading, error));
            else result.Add(c!);
        }
        return result;
    }

    private static State? State(Corpus corpus, string? text, ScenarioField field, ScenarioNames name, List<ScenarioFieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(field, $"'{name.Key(field)}' is required (a COW number, COW letters, ISO3, ISO2 or a name)"));
            return null;
        }
        var r = corpus.States.Resolve(text);
        if (r.State is null) errors.Add(new(field, r.Error ?? $"unknown state '{text}'"));
        return r.State;
    }

    /// <summary>An ISO 8601 day from 1816 on, where the state system begins.</summary>
    public static DateOnly? Day(string? text, ScenarioField field, ScenarioNames name, List<ScenarioFieldError> errors)
    {
        if (DayError(text, name.Key(field)) is { } message) { errors.Add(new(field, message)); return null; }
        return DateOnly.ParseExact(text!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>Why <paramref name="text"/> is not a day Pacta reasons about, or null when it is one.</summary>
    public static string? DayError(string? text, string fieldName)
    {
        if (text is null) return $"'{fieldName}' is required (YYYY-MM-DD)";
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return $"'{text}' is not a date (expected YYYY-MM-DD)";
        if (d.Year < 1816) return $"{text} is before 1816, where the state system (and Pacta's data) begins";
        return null;
    }

    private static (DateOnly Day, TimeOnly? Time)? When(string? text, ScenarioNames name, List<ScenarioFieldError> errors)
    {
        var t = (text ?? "").Split('T', 2);
        if (Day(text is null ? null : t[0], ScenarioField.Date, name, errors) is not { } day) return null;
        if (t.Length == 1) return (day, null);
        if (!TimeOnly.TryParseExact(t[1].TrimEnd('Z'), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors.Add(new(ScenarioField.Date, $"'{text}' has no valid UTC time (expected YYYY-MM-DDTHH:MM)"));
            return null;
        }
        return (day, time);
    }
}
