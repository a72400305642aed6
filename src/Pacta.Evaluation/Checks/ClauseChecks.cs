namespace Pacta.Evaluation.Checks;

/// <summary>
/// The checks the <see cref="Evaluator"/> runs, in order: those of a trigger (per provision), those of each
/// triggered obligation, and those of a standing promise the attacker may break. Adding a check is adding it to
/// one of these lists (<see cref="Default"/>); the evaluator and the cascade's tables read nothing else.
/// </summary>
public sealed class ClauseChecks
{
    public ClauseChecks(IReadOnlyList<ClauseCheck> trigger, IReadOnlyList<ClauseCheck> obligation, IReadOnlyList<ClauseCheck> breach)
    {
        Trigger = [.. trigger];
        Obligation = [.. obligation];
        Breach = [.. breach];
    }

    /// <summary>The checks of a trigger: all met (or unknown) for the provision to trigger.</summary>
    public ClauseCheck[] Trigger { get; }

    /// <summary>The checks of each obligation a trigger makes owed (after the obligor is found a party).</summary>
    public ClauseCheck[] Obligation { get; }

    /// <summary>The checks of a standing promise: all met for the event to break it.</summary>
    public ClauseCheck[] Breach { get; }

    public static readonly ClauseCheck InForce = new InForceCheck();

    public static readonly ClauseChecks Default = new(
        [InForce, new EventKindCheck(), new TargetCheck(), new AttackerCheck(), new ScopeCheck(), new AfterHostilitiesCheck(),
         new ThresholdCheck(), new VoidIfCheck()],
        [new ConditionsCheck()],
        [InForce, new BreachKindCheck(), new ObligorCheck(), new BeneficiaryCheck()]);

    /// <summary>These checks with <paramref name="check"/> added at the end of the trigger's (tests, experiments).</summary>
    public ClauseChecks WithTrigger(ClauseCheck check) => new([.. Trigger, check], Obligation, Breach);
}
