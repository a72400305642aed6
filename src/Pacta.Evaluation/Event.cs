using Pacta.Domain;

namespace Pacta.Evaluation;

/// <summary>
/// What happened or might happen: kind, attacker, target, day (and optional UTC time), location, and what is
/// known of its character (<see cref="Attributes"/>, unknown unless stated).
/// Without a time the event is taken to happen at 00:00 UTC, so "within 24 hours" ends at the next midnight.
/// </summary>
public sealed record Event(TriggerKind Kind, State Attacker, State Target, DateOnly Date, TimeOnly? Time, Location Location)
{
    public DateTimeOffset Instant => new(Date.ToDateTime(Time ?? TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>What is known of the event's character ("significant", "sustained" …); every attribute unknown by default.</summary>
    public EventAttributes Attributes { get; init; } = EventAttributes.None;
}
