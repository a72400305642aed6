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

    public void AddTo(Command cmd)
    {
        foreach (var o in new Option[] { Attacker, Target, Date, Kind, Location }) cmd.Options.Add(o);
        _assume.AddTo(cmd);
    }

    public (Event Event, Assumptions Assumptions) Read(ParseResult r, Workspace ws)
    {
        var corpus = ws.Corpus;
        var attacker = ws.ResolveState(r.GetValue(Attacker)!, "--attacker");
        var target = ws.ResolveState(r.GetValue(Target)!, "--target");
        if (attacker.Cow == target.Cow) throw new PactaException($"--attacker and --target are the same state ({target.Name})");
        var (day, time) = ParseWhen(r.GetValue(Date)!);
        if (!Words.TryParse<TriggerKind>(r.GetValue(Kind), out var kind))
            throw new PactaException($"--kind: '{r.GetValue(Kind)}' is not an event kind; expected one of {string.Join(", ", Words.All<TriggerKind>())}");
        Location location;
        if (r.GetValue(Location) is { } code)
        {
            location = corpus.Locations.Find(code)
                ?? throw new PactaException($"--location: unknown location '{code}' (expected an ISO 3166-1 alpha-2 or ISO 3166-2 code such as EE, UA-63, SE-I)");
        }
        else
        {
            location = (target.Iso2 is { } iso2 ? corpus.Locations.Find(iso2) : null)
                ?? corpus.Locations.HeldBy(target.Cow, day)
                ?? throw new PactaException($"--location: {target.Name} has no ISO 3166 code; give --location");
        }

        return (new Event(kind, attacker, target, day, time, location), _assume.Read(r, ws));
    }

    private static (DateOnly, TimeOnly?) ParseWhen(string text)
    {
        var t = text.Split('T', 2);
        var day = CommonOptions.Date(t[0], "--date");
        if (t.Length == 1) return (day, null);
        var clock = t[1].TrimEnd('Z');
        if (!TimeOnly.TryParseExact(clock, ["HH:mm", "HH:mm:ss"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time))
            throw new PactaException($"--date: '{text}' has no valid UTC time (expected YYYY-MM-DDTHH:MM)");
        return (day, time);
    }
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

    public Assumptions Read(ParseResult r, Workspace ws)
    {
        var corpus = ws.Corpus;
        var ceasefires = (r.GetValue(Ceasefire) ?? []).Select(c =>
        {
            var parts = c.Split(':');
            if (parts.Length > 2) throw new PactaException($"--assume-ceasefire: '{c}' must be DATE or CONFLICT:DATE");
            if (parts.Length == 1) return new AssumedCeasefire(null, CommonOptions.Date(parts[0], "--assume-ceasefire"));
            if (corpus.Conflict(parts[0]) is null)
                throw new PactaException($"--assume-ceasefire: unknown conflict '{parts[0]}'{Suggest.DidYouMean(parts[0], corpus.Conflicts.Select(x => x.Id))}");
            return new AssumedCeasefire(parts[0], CommonOptions.Date(parts[1], "--assume-ceasefire"));
        }).ToList();
        var adopted = (r.GetValue(Adopted) ?? []).Select(a =>
        {
            var parts = a.Split(':', 2);
            if (corpus.Agreement(parts[0]) is null)
                throw new PactaException($"--assume-adopted: unknown agreement '{parts[0]}'{Suggest.DidYouMean(parts[0], corpus.Agreements.Select(x => x.Id))}");
            return new AssumedAdoption(parts[0], parts.Length > 1 ? CommonOptions.Date(parts[1], "--assume-adopted") : null);
        }).ToList();
        var members = (r.GetValue(Member) ?? []).Select(m =>
        {
            var parts = m.Split(':');
            if (parts.Length is < 2 or > 3) throw new PactaException($"--assume-member: '{m}' must be STATE:AGREEMENT-OR-ORGANIZATION[:DATE]");
            var state = ws.ResolveState(parts[0], "--assume-member");
            if (corpus.Agreement(parts[1]) is null && corpus.Organization(parts[1]) is null)
                throw new PactaException($"--assume-member: '{parts[1]}' is neither an agreement nor an organization" +
                    Suggest.DidYouMean(parts[1], corpus.Agreements.Select(x => x.Id).Concat(corpus.Organizations.Select(o => o.Id))));
            return new AssumedMembership(state.Cow, parts[1], parts.Length == 3 ? CommonOptions.Date(parts[2], "--assume-member") : null);
        }).ToList();
        return new Assumptions(ceasefires, adopted, members);
    }
}
