using System.CommandLine;
using Pacta.Domain;
using Pacta.Evaluation;

namespace Pacta.Cli.Commands;

/// <summary>The event and assumption options shared by what-if and cascade.</summary>
public sealed class ScenarioOptions
{
    private readonly AssumptionOptions _assume = new();

    public Option<string> Attacker { get; } = new("--attacker") { Description = "The attacking state (COW number, COW letters, ISO3, ISO2 or name)", Required = true };
    public Option<string> Target { get; } = new("--target") { Description = "The attacked state", Required = true };
    public Option<string> Date { get; } = new("--date") { Description = "Day of the event, YYYY-MM-DD (optionally YYYY-MM-DDTHH:MM for a UTC time)", Required = true };
    public Option<string> Kind { get; } = new("--kind") { Description = "Event kind: armed-attack (default), threat-of-attack, aggression-with-nuclear-weapons, significant-escalation, war-involvement", DefaultValueFactory = _ => "armed-attack" };
    public Option<string?> Location { get; } = new("--location") { Description = "ISO 3166-1 alpha-2 or ISO 3166-2 code of the place attacked (default: the target's own country)" };
    public Option<string[]> Ceasefire => _assume.Ceasefire;
    public Option<string[]> Adopted => _assume.Adopted;
    public Option<string[]> Member => _assume.Member;
    public Option<string[]> Reading { get; } = ReadingOptions.Create();

    public void AddTo(Command cmd)
    {
        foreach (var o in new Option[] { Attacker, Target, Date, Kind, Location }) cmd.Options.Add(o);
        _assume.AddTo(cmd);
        cmd.Options.Add(Reading);
    }

    public (Event Event, Assumptions Assumptions) Read(ParseResult r, PactaWorkspace ws)
    {
        var (e, assumptions, _) = ReadWithReadings(r, ws);
        return (e, assumptions);
    }

    /// <summary>The scenario and the corpus under the readings it chooses (<c>--reading</c>; the corpus itself when none).</summary>
    /// <param name="eventAttributes">what-if's <c>--event-attribute</c> values, read by the shared scenario parser</param>
    public (Event Event, Assumptions Assumptions, Corpus Corpus) ReadWithReadings(ParseResult r, PactaWorkspace ws, IReadOnlyList<string>? eventAttributes = null)
    {
        var (e, assumptions, corpus, _) = ReadWithChoices(r, ws, eventAttributes);
        return (e, assumptions, corpus);
    }

    /// <summary>As <see cref="ReadWithReadings"/>, with the choices themselves, for a session that must apply them (the cascade).</summary>
    public (Event Event, Assumptions Assumptions, Corpus Corpus, IReadOnlyList<ReadingChoice> Choices) ReadWithChoices(ParseResult r, PactaWorkspace ws,
        IReadOnlyList<string>? eventAttributes = null)
    {
        var input = new ScenarioInput(r.GetValue(Attacker), r.GetValue(Target), r.GetValue(Date), r.GetValue(Kind), r.GetValue(Location),
            r.GetValue(Ceasefire) ?? [], r.GetValue(Adopted) ?? [], r.GetValue(Member) ?? [])
        { Readings = r.GetValue(Reading) ?? [], EventAttributes = eventAttributes ?? [] };
        var parsed = ScenarioParser.Parse(input, ws.Corpus, Names);
        if (!parsed.Ok) throw Error(parsed.Errors[0]);
        return (parsed.Scenario!.Event, parsed.Scenario.Assumptions, ReadingChoices.Apply(ws.Corpus, parsed.Scenario.Readings), parsed.Scenario.Readings);
    }

    /// <summary>The option that carries each scenario field.</summary>
    public static readonly ScenarioNames Names = new(Option, Option);

    private static string Option(ScenarioField f) => f switch
    {
        ScenarioField.Ceasefire => "--assume-ceasefire",
        ScenarioField.Adopted => "--assume-adopted",
        ScenarioField.Member => "--assume-member",
        ScenarioField.Reading => "--reading",
        ScenarioField.EventAttribute => "--event-attribute",
        _ => "--" + Words.Of(f),
    };

    /// <summary>A field error as the CLI prints it: "--option: message".</summary>
    public static PactaException Error(ScenarioFieldError e) => new(e.Standalone ? e.Message : $"{Option(e.Field)}: {e.Message}");
}

/// <summary>The --assume-* options: ceasefires, adopted proposals, assumed members (what-if, cascade, exposure).</summary>
public sealed class AssumptionOptions
{
    public Option<string[]> Ceasefire { get; } = new("--assume-ceasefire") { Description = "Assume hostilities end before DATE (all open conflicts) or CONFLICT:DATE", AllowMultipleArgumentsPerToken = false };
    public Option<string[]> Adopted { get; } = new("--assume-adopted") { Description = "Evaluate a proposal as if in force: ID or ID:DATE (from its signature/publication by default)" };
    public Option<string[]> Member { get; } = new("--assume-member") { Description = "Make a state a member: STATE:AGREEMENT-OR-ORGANIZATION[:DATE] (e.g. UKR:nato:2026-01-01)" };

    public void AddTo(Command cmd)
    {
        foreach (var o in new Option[] { Ceasefire, Adopted, Member }) cmd.Options.Add(o);
    }

    public Assumptions Read(ParseResult r, PactaWorkspace ws)
    {
        var errors = new List<ScenarioFieldError>();
        var assumptions = ScenarioParser.Assumptions(r.GetValue(Ceasefire) ?? [], r.GetValue(Adopted) ?? [], r.GetValue(Member) ?? [], ws.Corpus, ScenarioOptions.Names, errors);
        if (errors.Count > 0) throw ScenarioOptions.Error(errors[0]);
        return assumptions;
    }
}

/// <summary>The <c>--reading</c> option: a reading of a contested clause (what-if, cascade, compare).</summary>
public static class ReadingOptions
{
    public static Option<string[]> Create() => new("--reading")
    {
        Description = "Read a contested clause another way: CLAUSE=READING everywhere, AGREEMENT:CLAUSE=READING or AGREEMENT/PROVISION:CLAUSE=READING (repeatable; pacta readings lists them)",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The corpus under the readings given (the corpus itself when none).</summary>
    public static Corpus Apply(ParseResult r, Option<string[]> option, Corpus corpus)
    {
        var errors = new List<ScenarioFieldError>();
        var choices = ScenarioParser.Readings(r.GetValue(option) ?? [], corpus, errors);
        if (errors.Count > 0) throw ScenarioOptions.Error(errors[0]);
        return ReadingChoices.Apply(corpus, choices);
    }
}
