using System.Runtime.CompilerServices;
namespace Pacta.Datasets;

/// <summary>
/// One alliance as the dataset generators see it: any source (ATOP, the hand-encoded corpus, later data)
/// can be turned into this shape. Generators never look at anything else.
/// <see cref="ExitDayEndsMembership"/>: a spell's <see cref="AllianceMemberSpell.To"/> is the day the membership
/// ends (ATOP's exit dates), so a state that joins that day was never a member together with it
/// (<see cref="AllianceMemberSpell.Overlaps"/>); otherwise <c>To</c> is the last day as a member.
/// </summary>
public sealed record AllianceInput(int Id, IReadOnlyList<AllianceMemberSpell> Members, bool ExitDayEndsMembership = false);

/// <summary>
/// One spell of one state in one phase of an alliance (inclusive days; <see cref="To"/> null = still a member).
/// <see cref="Obligations"/> is what the member promises (state-year flags). Toward a co-member the member owes
/// <see cref="Toward"/>[co-member] when that entry exists, else <see cref="Obligations"/>.
/// Within one alliance, for a pair in a given year the highest phase they share in that year wins: ATOP codes
/// a year by the phase in force at its end (codebook §1.53; the published tables follow it).
/// </summary>
public sealed record AllianceMemberSpell(
    int State,
    int Phase,
    DateOnly From,
    DateOnly? To,
    AllianceObligations Obligations,
    IReadOnlyDictionary<int, AllianceObligations>? Toward = null)
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public AllianceObligations ObligationsToward(int other) =>
        (Toward is not null && Toward.TryGetValue(other, out var o) ? o : Obligations) & AllianceObligations.AtopKinds;

    /// <summary>Last day as a comparable value; open spells run forever.</summary>
    internal DateOnly LastDay => To ?? DateOnly.MaxValue;

    /// <summary>
    /// The two were members together: their spells share a day and, when <paramref name="exitDayEnds"/>, neither
    /// entered on the day the other left. ATOP's dyad-years drop pairs where "one state joined the alliance after
    /// the other terminated its affiliation" (codebook §2.6–2.7) and count the exit day as the end of the
    /// membership: West Germany leaving NATO on 1990-10-03 and Germany joining that day are not a dyad, nor are
    /// the two Yemens and Yemen on 1990-05-22 in the Arab League (the 8 directed rows of 1990 ATOP does not have).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool Overlaps(AllianceMemberSpell other, bool exitDayEnds) =>
        From <= other.LastDay && other.From <= LastDay && !(exitDayEnds && (From == other.To || other.From == To));
}
