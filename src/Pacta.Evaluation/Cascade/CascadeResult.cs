using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

/// <summary>
/// One step of the path that drew a state in: in <see cref="Round"/>, <see cref="Attacker"/>'s attack (or war
/// involvement) against <see cref="Target"/> triggered <see cref="Obligation"/>, owed by its obligor to its beneficiary.
/// </summary>
public sealed record PathStep(int Round, TriggerKind EventKind, State Attacker, State Target, string Location, CascadeObligation Obligation)
{
    public override string ToString() =>
        $"round {Round}: {Attacker.Code} {(EventKind == TriggerKind.WarInvolvement ? "at war with" : "attacks")} {Target.Code} → " +
        $"{Obligation.Agreement.Id} {Obligation.Provision.Citation} ({Words.Of(Obligation.Kind)}): {Obligation.Obligor.Code} owes {Obligation.Beneficiary.Code}";
}

/// <summary>
/// A state in the cascade: its role and side, the round it entered, and the path of obligations from the first
/// attack to its entry (empty for the initial attacker and target). A state kept out names the promise that kept
/// it out (<see cref="KeptOutBy"/>), or is <see cref="CrossPressured"/> by obligations to both sides.
/// </summary>
public sealed record CascadeState(
    State State,
    CascadeRole Role,
    CascadeSide Side,
    int Round,
    IReadOnlyList<PathStep> Path,
    CascadeObligation? KeptOutBy,
    bool CrossPressured,
    IReadOnlyList<CascadeObligation> Breached)
{
    public bool Initial => Round == 0 && Role == CascadeRole.Belligerent;
}

/// <summary>The deterministic cascade of one start: every state drawn in, the rounds, and what was assumed.</summary>
public sealed record CascadeResult(
    CascadeStart Start,
    DateOnly Day,
    Assumptions Assumptions,
    CascadeOptions Options,
    IReadOnlyList<CascadeState> States,
    int Rounds,
    bool Capped,
    IReadOnlyList<Breach> Breached)
{
    /// <summary>
    /// Promises to fight the cascade's events triggered but did not invoke, or invoked only on a condition nothing
    /// decides (those are not propagated by default), owed by states that stayed out to belligerents.
    /// </summary>
    public IReadOnlyList<WithheldObligation> Withheld { get; init; } = [];

    /// <summary>States a conditional promise would draw in (not belligerents), each once, by state code.</summary>
    public IEnumerable<IGrouping<State, WithheldObligation>> ConditionalJoiners =>
        Withheld.Where(w => w.Verdict == InvocationVerdict.Conditional).GroupBy(w => w.Obligor).OrderBy(g => g.Key.Cow);

    /// <summary>
    /// States whose only promises the cascade invoked oblige talks (consultation): they take no role in the war. One
    /// entry per state and promise, in state order; a state that also supports or fights is not listed.
    /// </summary>
    public IReadOnlyList<ConsultingPromise> Consulting { get; init; } = [];

    public IEnumerable<CascadeState> Belligerents => States.Where(s => s.Role == CascadeRole.Belligerent);
    public IEnumerable<CascadeState> Supporters => States.Where(s => s.Role == CascadeRole.Supporter);
    public IEnumerable<CascadeState> Side(CascadeSide side) => Belligerents.Where(s => s.Side == side);
    public CascadeState? Of(int cow) => States.FirstOrDefault(s => s.State.Cow == cow);
}

/// <summary>
/// A promise to consult that an event of the cascade invoked, owed by a state that took no role in the war to a
/// belligerent on <see cref="Side"/>: the event and promise (<see cref="Step"/>).
/// </summary>
public sealed record ConsultingPromise(State Obligor, CascadeSide Side, PathStep Step);

/// <summary>
/// A promise to fight that an event of the cascade triggered without invoking it (<see cref="InvocationVerdict.NotInvoked"/>)
/// or invoked only on a condition nothing decides (<see cref="InvocationVerdict.Conditional"/>): who owes it, the side
/// it would have drawn its obligor to, the event and promise (<see cref="Step"/>), and why.
/// </summary>
public sealed record WithheldObligation(State Obligor, CascadeSide Side, PathStep Step, InvocationVerdict Verdict, string Reason);
