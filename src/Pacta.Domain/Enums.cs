namespace Pacta.Domain;

public enum AgreementForm { Treaty, ExecutiveAgreement, Declaration, Memorandum, Proposal }

/// <summary>Descriptive status as of the corpus date; the engine decides "in force on D" from the dates.</summary>
public enum AgreementStatus { Proposal, Signed, InForce, Expired, Terminated }

/// <summary>Legal (binding under international law), political (a commitment, not a treaty), none.</summary>
public enum Bindingness { Legal, Political, None }

public enum PartyRole { Member, Guarantor, Beneficiary, Signatory }

/// <summary>
/// Whom a trigger or obligation names (<see cref="Selector.Kind"/>): the keywords (<c>any-member</c>, …), a list of
/// states, <c>role:ROLE</c>, or an organization standing as obligor. Words through <see cref="Words"/>.
/// </summary>
public enum SelectorKind { AnyMember, OtherParties, Target, Anyone, NonParty, States, Role, Organization }

public enum ProvisionKind
{
    Defense, Offense, Neutrality, NonAggression, Consultation,
    Assistance, Sanctions, MembershipPath, SecurityCouncilReferral, Other,
}

public enum AssistanceType
{
    Military, Financial, Economic, Intelligence, Training, AirDefense, DefenseIndustry, Humanitarian, Reconstruction,
}

/// <summary>
/// What activates a provision. Event kinds use the same words; an event of one kind also counts as the
/// kinds it implies (see <see cref="TriggerKinds.Implies"/>).
/// </summary>
public enum TriggerKind { ArmedAttack, ThreatOfAttack, AggressionWithNuclearWeapons, SignificantEscalation, WarInvolvement }

/// <summary>Automatic ("all the means in their power"), discretionary ("such action as it deems necessary"), consultative.</summary>
public enum Strength { Automatic, Discretionary, Consultative }

/// <summary>A hard deadline, or one qualified by the text ("where possible within 24 hours").</summary>
public enum DeadlineFirmness { Hard, WherePossible }

public enum ConditionKind
{
    ConstitutionalProcesses, ParliamentaryApproval, BudgetApproval, NeutralityCarveOut,
    SecurityCouncilAction, AtopCondition, Other,
}

public static class TriggerKinds
{
    /// <summary>Whether an event of kind <paramref name="eventKind"/> satisfies a trigger of kind <paramref name="triggerKind"/>.</summary>
    public static bool Implies(TriggerKind eventKind, TriggerKind triggerKind) =>
        eventKind == triggerKind || (eventKind, triggerKind) switch
        {
            (TriggerKind.AggressionWithNuclearWeapons, TriggerKind.ArmedAttack) => true,
            (TriggerKind.AggressionWithNuclearWeapons, TriggerKind.WarInvolvement) => true,
            (TriggerKind.ArmedAttack, TriggerKind.WarInvolvement) => true,
            (TriggerKind.AggressionWithNuclearWeapons, TriggerKind.ThreatOfAttack) => true,
            (TriggerKind.ArmedAttack, TriggerKind.ThreatOfAttack) => true,
            _ => false,
        };
}

/// <summary>Whose territory the place attacked must be (<see cref="Scope.Territory"/>); described in <see cref="Vocabulary.Territories"/>.</summary>
public enum Territory { Target, AnyParty, Any }

/// <summary>Where an agreement comes from (<see cref="Agreement.Origin"/>); described in <see cref="Vocabulary.Origins"/>.</summary>
public enum AgreementOrigin { Pacta, Atop }

/// <summary>How an agreement stands to another it names under <c>related</c>; described in <see cref="Vocabulary.Relations"/>.</summary>
public enum Relation { SameAs, Supersedes, SuccessorOf }
