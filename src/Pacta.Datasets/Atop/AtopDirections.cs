namespace Pacta.Datasets.Atop;

/// <summary>
/// Toward whom each member's promises run. The member-level file says what a member promises, not to whom;
/// only OBVARY (§2.33: "this member has different obligations to different members") hints at direction.
/// Rules, in order:
/// <list type="number">
/// <item>OBVARY = 0: the member owes its promises to every co-member of the phase.</item>
/// <item>OBVARY = 1 and the alliance is listed in <see cref="Exceptions"/> for that promise: as listed.</item>
/// <item>OBVARY = 1 otherwise ("guarantee" rule): a promise runs to the co-members that do not make it
/// themselves — the codebook's own example (§2.6–2.7: Britain and France defend Sweden, 1855; SHAREOB: "two
/// states jointly promise to defend a third"); if every co-member makes it, to all.</item>
/// </list>
/// </summary>
public static class AtopDirections
{
    /// <summary>Any holder of the promise with OBVARY = 1.</summary>
    public const int AnyHolder = 0;

    /// <summary>
    /// A promise in an alliance whose direction the guarantee rule gets wrong: it runs along
    /// <see cref="Pairs"/> (obligor → beneficiary; obligor <see cref="AnyHolder"/> = each holder), or, when
    /// <see cref="AmongHolders"/>, from each holder to the other holders only.
    /// </summary>
    public sealed record Exception(int AtopId, AllianceObligations Obligation, bool AmongHolders, IReadOnlyList<(int From, int To)> Pairs, string Why);

    /// <summary>
    /// Pair-level codings that the member file cannot express, as ATOP's published directed dyad-years code them
    /// (the pre-1900 ones checked against the published table; 2130 and 3322 reasoned in the README). The
    /// Anglo-French-Turkish treaty (2490) has none: ATOP's table gives Britain and France each other's
    /// defence, offence and consultation, as the guarantee rule does when every member makes the promise.
    /// </summary>
    public static readonly IReadOnlyList<Exception> Exceptions =
    [
        new(1100, AllianceObligations.Defense, false, [(200, 230), (200, 235), (230, 235), (235, 230)],
            "Quadruple Alliance (1834): Britain aids Spain and Portugal, which aid each other; France is not defended"),
        new(1110, AllianceObligations.Offense, true, [],
            "Convention of London (1840): Britain, Austria and the Ottoman Empire act together; Prussia and Russia are not owed offensive aid"),
        new(1350, AllianceObligations.Offense, false, [(255, 325)],
            "Triple Alliance renewals (1887-1915): Germany's offensive promise is to Italy (North Africa), not to Austria-Hungary"),
        new(1355, AllianceObligations.Defense, true, [],
            "Alliance with Romania (1883): Germany, Austria-Hungary and Romania defend each other; Italy acceded (1888) to consult only"),
        new(2130, AllianceObligations.Defense, false, [(AnyHolder, 211), (AnyHolder, 220), (AnyHolder, 255)],
            "Locarno Rhineland Pact (1925) Art. 1, 4: all aid the victim among Belgium, France and Germany; Britain and Italy guarantee and are not guaranteed"),
        new(2130, AllianceObligations.NonAggression, true, [],
            "Locarno Rhineland Pact (1925): ATOP's directed table codes non-aggression among all three holders (Belgium, France, Germany), not toward the guarantors"),
        new(3322, AllianceObligations.Neutrality, false, [(200, 666)],
            "Protocol of Sèvres (1956): Britain's neutrality promise is to Israel (not to aid Jordan against it); France is not owed it"),
    ];

    /// <summary>
    /// What <paramref name="member"/> owes each co-member of its phase (by state), or null when it owes its
    /// promises to all of them alike.
    /// </summary>
    public static IReadOnlyDictionary<int, AllianceObligations>? Toward(AtopAlliance alliance, AtopMember member)
    {
        if (!member.ObligationsVary) return null;
        var phase = alliance.Members.Where(m => m.Phase == member.Phase && m.State != member.State).ToList();
        var result = new Dictionary<int, AllianceObligations>();
        foreach (var other in phase.Select(m => m.State).Distinct()) result[other] = AllianceObligations.None;
        foreach (var promise in AtopColumns.ObligationFlags)
        {
            if ((member.Obligations & promise) == 0) continue;
            var rule = Exceptions.FirstOrDefault(e => e.AtopId == alliance.AtopId && e.Obligation == promise);
            var holders = phase.Where(m => (m.Obligations & promise) != 0).Select(m => m.State).ToHashSet();
            var nonHolders = phase.Select(m => m.State).Where(s => !holders.Contains(s)).ToHashSet();
            foreach (var other in result.Keys.ToList())
            {
                var owes = rule switch
                {
                    { AmongHolders: true } => holders.Contains(other),
                    not null => rule.Pairs.Any(p => (p.From == member.State || p.From == AnyHolder) && p.To == other),
                    null => nonHolders.Count == 0 || nonHolders.Contains(other),
                };
                if (owes) result[other] |= promise;
            }
        }
        return result;
    }
}
