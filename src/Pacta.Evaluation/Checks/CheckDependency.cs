namespace Pacta.Evaluation.Checks;

/// <summary>
/// What of the event a clause check reads. Tables that evaluate many events at once (the cascade's
/// <see cref="Cascade.AttackTable"/>) read this to know which checks to run again per attacker, so a new check
/// only has to declare what it reads.
/// </summary>
[Flags]
public enum CheckDependency
{
    None = 0,
    Attacker = 1,
    Target = 2,
    Location = 4,
    /// <summary>The day (and with it who is a party, in force, ceasefires under the assumptions).</summary>
    Date = 8,
    EventKind = 16,
    /// <summary>The event's attributes (<see cref="Event.Attributes"/>), such as "significant" or "sustained".</summary>
    EventAttributes = 32,
}
