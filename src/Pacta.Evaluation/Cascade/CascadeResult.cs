using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

/// <summary>
/// One step of the path that drew a state in: in <see cref="Round"/>, <see cref="Aggressor"/>'s attack (or war
/// involvement) against <see cref="Victim"/> triggered <see cref="Commitment"/>, owed by its obligor to its beneficiary.
/// </summary>
public sealed record PathStep(int Round, TriggerKind EventKind, State Aggressor, State Victim, string Location, CascadeCommitment Commitment)
{
    public override string ToString() =>
        $"round {Round}: {Aggressor.Code} {(EventKind == TriggerKind.WarInvolvement ? "at war with" : "attacks")} {Victim.Code} → " +
        $"{Commitment.Agreement.Id} {Commitment.Provision.Citation} ({Words.Of(Commitment.Kind)}): {Commitment.Obligor.Code} owes {Commitment.Beneficiary.Code}";
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
    CascadeCommitment? KeptOutBy,
    bool CrossPressured,
    IReadOnlyList<CascadeCommitment> Breaks)
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
    IReadOnlyList<Breach> AttackerBreaches)
{
    public IEnumerable<CascadeState> Belligerents => States.Where(s => s.Role == CascadeRole.Belligerent);
    public IEnumerable<CascadeState> Supporters => States.Where(s => s.Role == CascadeRole.Supporter);
    public IEnumerable<CascadeState> Side(CascadeSide side) => Belligerents.Where(s => s.Side == side);
    public CascadeState? Of(int cow) => States.FirstOrDefault(s => s.State.Cow == cow);
}
