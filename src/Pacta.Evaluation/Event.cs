using Pacta.Domain;

namespace Pacta.Evaluation;

/// <summary>
/// What happened or might happen: kind, attacker, target, day (and optional UTC time), location.
/// Without a time the event is taken to happen at 00:00 UTC, so "within 24 hours" ends at the next midnight.
/// </summary>
public sealed record Event(TriggerKind Kind, State Attacker, State Target, DateOnly Date, TimeOnly? Time, Location Location)
{
    public DateTimeOffset Instant => new(Date.ToDateTime(Time ?? TimeOnly.MinValue), TimeSpan.Zero);
}
