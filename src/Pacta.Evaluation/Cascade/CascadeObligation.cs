using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

/// <summary>What an obligation does to its obligor in a cascade.</summary>
public enum CascadeEffect : byte
{
    /// <summary>Commits it to fight beside the beneficiary (defence, offence).</summary>
    Fight,
    /// <summary>Makes it a supporter (non-military or arms assistance, sanctions, referral, membership path).</summary>
    Support,
    /// <summary>Keeps it out of a war against the beneficiary (neutrality, non-aggression).</summary>
    StayOut,
    /// <summary>
    /// Obliges talks, not support (provision kind <c>consultation</c>, or strength <c>consultative</c>; docs/model.md):
    /// its obligor takes no role in the war and is listed as consulting (<see cref="CascadeResult.Consulting"/>).
    /// </summary>
    Consult,
}

/// <summary>
/// One obligation of one obligor to one beneficiary under one provision: the unit that is honoured or not.
/// <see cref="Triggered"/> holds the what-if explanation of the first event that triggered it (null for a standing
/// non-aggression promise).
/// </summary>
public sealed record CascadeObligation(
    int Id,
    Agreement Agreement,
    Provision Provision,
    State Obligor,
    State Beneficiary,
    CascadeEffect Effect,
    Strength Strength,
    bool Conditional,
    TriggeredObligation? Triggered)
{
    public ProvisionKind Kind => Provision.Kind;
    public Bindingness Bindingness => Agreement.Bindingness;
    public bool Hypothetical => Triggered?.Hypothetical ?? false;

    /// <summary>
    /// The escape clauses and carve-outs of the obligation that concern the obligor (constitutional processes,
    /// approval, a neutrality carve-out, Security Council action): shown with every step that uses it.
    /// </summary>
    public IEnumerable<Condition> Escapes => Triggered?.Conditions.Where(c => c.Kind is not (ConditionKind.AtopCondition or ConditionKind.Other)
        && (c.States.Count == 0 || c.States.Contains(Obligor.Cow))) ?? [];
}

/// <summary>An attack (or a war involvement) evaluated in a cascade. States are graph indexes.</summary>
public sealed record CascadeEvent(int Id, TriggerKind Kind, int Attacker, int Target, Location Location);
