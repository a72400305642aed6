using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

/// <summary>Whom a state that joins a war is taken to attack; the texts never say.</summary>
public enum JoinerAttacks
{
    /// <summary>The aggressor of the attack that drew it in, on that state's own territory (default).</summary>
    CounterAttack,
    /// <summary>Every belligerent of the other side at the time it joins, each on its own territory.</summary>
    AllEnemies,
    /// <summary>Nobody: it is at war but its entry triggers no one's defence promises (only war involvement).</summary>
    None,
}

/// <summary>What happens when a promise to fight meets a promise to stay out (neutrality, non-aggression).</summary>
public enum PromiseConflict
{
    /// <summary>The promise to fight wins; the neutrality or non-aggression promise is reported as broken (default).</summary>
    FightPrevails,
    /// <summary>The promise owed directly to the would-be enemy wins; the state stays out.</summary>
    PeacePrevails,
}

/// <summary>Whether obligations with escape conditions (constitutional processes, approval, ATOP conditions …) draw a state in.</summary>
public enum ConditionalPromises
{
    /// <summary>They count: a condition the engine cannot check is taken as met (default).</summary>
    Count,
    /// <summary>They make the obligor a supporter only.</summary>
    Support,
}

/// <summary>
/// Every assumption the treaty texts leave open, with its default. <see cref="Describe"/> lists them, so each
/// result prints what it assumed.
/// </summary>
public sealed record CascadeOptions
{
    public static readonly CascadeOptions Default = new();

    public JoinerAttacks JoinerAttacks { get; init; } = JoinerAttacks.CounterAttack;
    public PromiseConflict Conflicts { get; init; } = PromiseConflict.FightPrevails;
    public ConditionalPromises Conditional { get; init; } = ConditionalPromises.Count;

    /// <summary>Whether a discretionary defence promise ("such action as it deems necessary", NATO Art. 5) commits to fight.</summary>
    public bool DiscretionaryFights { get; init; } = true;

    /// <summary>
    /// Whether neutrality and non-aggression promises still protect the initial attacker. By default they do not:
    /// the attacker has itself broken the peace (and usually a promise in the same instrument, e.g. the CSCE
    /// accords), and pacts of this kind commonly lapse towards a party that commits aggression.
    /// </summary>
    public bool PeaceProtectsAggressor { get; init; }

    /// <summary>
    /// How the Monte Carlo groups commitments into decisions (<see cref="IJoinModel"/>); deterministic runs honour
    /// everything and ignore it.
    /// </summary>
    public JoinModel JoinModel { get; init; } = JoinModel.PerObligation;

    /// <summary>Upper bound on rounds; a cascade that reaches it is reported as capped (it cannot cycle: each state joins once).</summary>
    public int MaxRounds { get; init; } = 64;

    /// <summary>The condition kinds that count as escape clauses for <see cref="ConditionalPromises.Support"/>.</summary>
    public static readonly IReadOnlyList<ConditionKind> EscapeConditions =
    [
        ConditionKind.ConstitutionalProcesses, ConditionKind.ParliamentaryApproval, ConditionKind.BudgetApproval,
        ConditionKind.NeutralityCarveOut, ConditionKind.AtopCondition,
    ];

    public IReadOnlyList<(string Name, string Value, string Meaning)> Describe() =>
    [
        // Listed only when it is not the default, so that the outputs of default runs read as before decision units.
        .. JoinModel == JoinModel.PerObligation ? Array.Empty<(string, string, string)>() :
        [("join-model", Words.Of(JoinModel), JoinModel == JoinModel.Fitted
            ? "Monte Carlo: one draw per state and side with the fitted joining model's probability (data/join-model/coefficients.json)"
            : "Monte Carlo: one draw per state and side; all of a state's commitments towards one side are honoured together")],
        ("joiner-attacks", Words.Of(JoinerAttacks), JoinerAttacks switch
        {
            JoinerAttacks.CounterAttack => "a joiner attacks the aggressor of the attack that drew it in, on that state's own territory",
            JoinerAttacks.AllEnemies => "a joiner attacks every belligerent of the other side, each on its own territory",
            _ => "a joiner attacks nobody; only its war involvement is evaluated",
        }),
        ("conflicts", Words.Of(Conflicts), Conflicts == PromiseConflict.PeacePrevails
            ? "a neutrality or non-aggression promise towards a would-be enemy keeps a state out"
            : "a promise to fight prevails; the neutrality or non-aggression promise is breached"),
        ("conditional", Words.Of(Conditional), Conditional == ConditionalPromises.Count
            ? "obligations with escape conditions draw a state in (conditions taken as met)"
            : "obligations with escape conditions make a state a supporter only"),
        ("discretionary", DiscretionaryFights ? "fight" : "support", DiscretionaryFights
            ? "a discretionary defence promise (as it deems necessary) commits to fight"
            : "a discretionary defence promise makes a state a supporter only"),
        ("peace-protects-aggressor", PeaceProtectsAggressor ? "yes" : "no", PeaceProtectsAggressor
            ? "neutrality and non-aggression promises towards the initial attacker still keep states out"
            : "neutrality and non-aggression promises do not protect the initial attacker"),
        ("max-rounds", MaxRounds.ToString(System.Globalization.CultureInfo.InvariantCulture), "upper bound on rounds"),
        ("target", "defends", "the attacked state fights back but is not taken to attack; its allies' entries carry the war on"),
        ("location", "home", "a derived attack happens on the attacked state's own country (its ISO code; a historic state without one gets a synthetic 'own territory' location that lies in no named region)"),
    ];
}
