namespace Pacta.Workspace;

/// <summary>
/// A what-if or cascade scenario as the user typed it: the CLI's options or the web's query/body fields, as raw
/// strings. A field left out is null (the web treats an empty field as left out); kind defaults to armed-attack.
/// </summary>
public sealed record ScenarioInput(
    string? Attacker, string? Target, string? Date, string? Kind, string? Location,
    IReadOnlyList<string> Ceasefire, IReadOnlyList<string> Adopted, IReadOnlyList<string> Member)
{
    /// <summary>Choices of reading, <c>[AGREEMENT[/PROVISION]:]CLAUSE=READING</c> (default readings where none is chosen).</summary>
    public IReadOnlyList<string> Readings { get; init; } = [];

    /// <summary>What is known of the event's character, each <c>NAME=yes|no|unknown</c> (thresholds, void-if clauses).</summary>
    public IReadOnlyList<string> EventAttributes { get; init; } = [];
}

/// <summary>The fields of a scenario, which each host maps to its own names (option or query/body field).</summary>
public enum ScenarioField { Attacker, Target, Date, Kind, Location, Ceasefire, Adopted, Member, Reading, EventAttribute }

/// <summary>
/// One invalid field. <see cref="Message"/> does not repeat the field's name, so a host prefixes its own
/// ("--attacker: …"); a <see cref="Standalone"/> message already names the fields it is about.
/// </summary>
public sealed record ScenarioFieldError(ScenarioField Field, string Message, bool Standalone = false);
