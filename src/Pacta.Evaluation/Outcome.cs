using Pacta.Domain;

namespace Pacta.Evaluation;

/// <summary>One triggered obligation: one obligor owes one beneficiary, with an absolute deadline where the text sets one.</summary>
public sealed record TriggeredObligation(
    Agreement Agreement,
    Provision Provision,
    Obligation Obligation,
    State Obligor,
    State Beneficiary,
    DateTimeOffset? Deadline,
    bool Hypothetical,
    IReadOnlyList<Condition> Conditions,
    Explanation Explanation);

/// <summary>A standing promise of the attacker that the event itself breaks.</summary>
public sealed record Breach(Agreement Agreement, Provision Provision, State Obligor, State Beneficiary, Explanation Explanation);

/// <summary>A provision that the event does not trigger, with the reason (the first check not met).</summary>
public sealed record NotTriggered(Agreement Agreement, Provision Provision, string Reason, Explanation Explanation);

/// <summary>The evaluation of an event against a corpus.</summary>
public sealed record Outcome(
    Event Event,
    Assumptions Assumptions,
    IReadOnlyList<TriggeredObligation> Triggered,
    IReadOnlyList<Breach> Breached,
    IReadOnlyList<NotTriggered> NotTriggered);
