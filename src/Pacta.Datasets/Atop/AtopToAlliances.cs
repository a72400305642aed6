namespace Pacta.Datasets.Atop;

/// <summary>Turns an imported ATOP release into the generators' input, with directions from <see cref="AtopDirections"/>.</summary>
public static class AtopToAlliances
{
    /// <summary>
    /// One <see cref="AllianceInput"/> per alliance; each member row becomes a spell from its entry day to its
    /// exit day (open while ATOP codes it in effect). Unknown days follow <see cref="AtopDate"/>'s convention.
    /// The exit day ends the membership: a state joining that day is not paired with the one leaving.
    /// </summary>
    public static IReadOnlyList<AllianceInput> Convert(AtopRelease release) =>
        release.Alliances.Select(a => new AllianceInput(a.AtopId, a.Members.Select(m => new AllianceMemberSpell(
            m.State, m.Phase, m.Entry.FirstDay, m.InEffect ? null : m.Exit?.LastDay, m.Obligations, AtopDirections.Toward(a, m))).ToList(),
            ExitDayEndsMembership: true)).ToList();
}
