using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

/// <summary>Whom a state that joins a war is taken to attack; the texts never say.</summary>
public enum JoinerAttacks
{
    /// <summary>The attacker of the attack that drew it in, on that state's own territory (default).</summary>
    CounterAttack,
    /// <summary>Every belligerent of the other side at the time it joins, each on its own territory.</summary>
    AllEnemies,
    /// <summary>Nobody: it is at war but its entry triggers no one's defence promises (only war involvement).</summary>
    None,
}

/// <summary>What happens when a promise to fight meets a promise to stay out (neutrality, non-aggression).</summary>
public enum ObligationClash
{
    /// <summary>The promise to fight wins; the neutrality or non-aggression promise is reported as broken (default).</summary>
    FightPrevails,
    /// <summary>The promise owed directly to the would-be enemy wins; the state stays out.</summary>
    PeacePrevails,
}

/// <summary>
/// What a promise to fight does when its invocation hangs on a condition the facts cannot decide (ATOP's condition
/// flags, an overlay's conditions, an attack by a co-member that the text sends to the alliance's organs).
/// </summary>
public enum ConditionalObligations
{
    /// <summary>Reported beside the result (conditional joiners), not propagated (default).</summary>
    Report,
    /// <summary>The obligor becomes a supporter only; so do obligations with escape clauses (constitutional processes, approval).</summary>
    Support,
    /// <summary>Taken as met: the promise draws its obligor in.</summary>
    Propagate,
}

/// <summary>
/// Every assumption the treaty texts leave open, with its default. <see cref="Describe"/> lists them, so each
/// result prints what it assumed.
/// </summary>
public sealed record CascadeOptions
{
    public static readonly CascadeOptions Default = new();

    public JoinerAttacks JoinerAttacks { get; init; } = JoinerAttacks.CounterAttack;
    public ObligationClash Clashes { get; init; } = ObligationClash.FightPrevails;
    public ConditionalObligations Conditional { get; init; } = ConditionalObligations.Report;

    /// <summary>
    /// Whether a state under a neutrality carve-out (TEU Art. 42(7): "the specific character of the security and
    /// defence policy of certain Member States") is drawn in to fight; by default it is at most a supporter.
    /// </summary>
    public bool CarveOutFights { get; init; }

    /// <summary>Whether a discretionary defence promise ("such action as it deems necessary", NATO Art. 5) commits to fight.</summary>
    public bool DiscretionaryFights { get; init; } = true;

    /// <summary>
    /// Whether neutrality and non-aggression promises still protect the initial attacker. By default they do not:
    /// the attacker has itself broken the peace (and usually a promise in the same instrument, e.g. the CSCE
    /// accords), and pacts of this kind commonly lapse towards a party that commits aggression.
    /// </summary>
    public bool PeaceProtectsAggressor { get; init; }

    /// <summary>
    /// How the Monte Carlo groups obligations into decisions (<see cref="IJoinModel"/>); deterministic runs honour
    /// everything and ignore it.
    /// </summary>
    public JoinModel JoinModel { get; init; } = JoinModel.PerObligation;

    /// <summary>Upper bound on rounds; a cascade that reaches it is reported as capped (it cannot cycle: each state joins once).</summary>
    public int MaxRounds { get; init; } = 64;

    /// <summary>
    /// The condition kinds that count as escape clauses: shown in every path step; with
    /// <see cref="ConditionalObligations.Support"/> they make the obligor a supporter.
    /// </summary>
    public static readonly IReadOnlyList<ConditionKind> EscapeConditions =
    [
        ConditionKind.ConstitutionalProcesses, ConditionKind.ParliamentaryApproval, ConditionKind.BudgetApproval,
    ];

    public IReadOnlyList<(string Name, string Value, string Meaning)> Describe() =>
    [
        // Listed only when it is not the default, so that the outputs of default runs read as before decision units.
        .. JoinModel == JoinModel.PerObligation ? Array.Empty<(string, string, string)>() :
        [("join-model", Words.Of(JoinModel), JoinModel == JoinModel.Fitted
            ? "Monte Carlo: one draw per state and side with the fitted joining model's probability (data/join-model/coefficients.json)"
            : "Monte Carlo: one draw per state and side; all of a state's obligations towards one side are honoured together")],
        ("joiner-attacks", Words.Of(JoinerAttacks), JoinerAttacks switch
        {
            JoinerAttacks.CounterAttack => "a joiner attacks the attacker of the attack that drew it in, on that state's own territory",
            JoinerAttacks.AllEnemies => "a joiner attacks every belligerent of the other side, each on its own territory",
            _ => "a joiner attacks nobody; only its war involvement is evaluated",
        }),
        ("clashes", Words.Of(Clashes), Clashes == ObligationClash.PeacePrevails
            ? "a neutrality or non-aggression promise towards a would-be enemy keeps a state out"
            : "a promise to fight prevails; the neutrality or non-aggression promise is breached"),
        ("conditional", Words.Of(Conditional), Conditional switch
        {
            ConditionalObligations.Report => "a promise to fight whose invocation hangs on a condition the facts cannot decide is reported (conditional joiners), not propagated",
            ConditionalObligations.Support => "conditional promises, and obligations with escape clauses (constitutional processes, approval), make a state a supporter only",
            _ => "conditional promises draw a state in (conditions taken as met)",
        }),
        ("carve-out", CarveOutFights ? "fight" : "support", CarveOutFights
            ? "a state under a neutrality carve-out (TEU Art. 42(7)) is drawn in like any other"
            : "a state under a neutrality carve-out (TEU Art. 42(7)) is at most a supporter"),
        ("invocation", "text", "a promise to fight draws a state in only when invoked on the facts: not by an attack of a co-member unless the text says so; named adversaries and treaty areas checked (ATOP STATTHR, overlays in corpus/invocation)"),
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
