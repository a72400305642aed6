using Pacta.Domain;

namespace Pacta.Datasets.Atop;

/// <summary>
/// Maps imported ATOP alliances onto the agreement model so the what-if engine can evaluate them next to the
/// hand-encoded corpus. One party per member row (member × phase spell), one provision per member row and
/// promise type, the member's condition dummies as <see cref="ConditionKind.AtopCondition"/> conditions.
/// </summary>
public static class AtopToAgreements
{
    public const AgreementOrigin Origin = AgreementOrigin.Atop;

    public static IReadOnlyList<Agreement> Convert(AtopRelease release) =>
        release.Alliances.Select(a => Convert(release, a)).ToList();

    public static Agreement Convert(AtopRelease release, AtopAlliance a)
    {
        var source = new Source($"atop-{release.Version}", "http://www.atopdata.org",
            $"ATOP {release.Version} coding of alliance {a.AtopId} (alliance-level row {a.Line}, member-level rows)", null);
        var parties = a.Members.Select(m => new Party(
            m.State, null, PartyRole.Member,
            Spell(m),
            [],
            $"phase {m.Phase}" + (m.CowSystem ? "" : "; not a COW system member at signature (cowsys=0)")
                + (m.Entry.Day is null ? "; entry day unknown, taken as the 1st" : "")
                + (m.Exit is { Day: null } ? "; exit day unknown, taken as the month's last day" : ""),
            new Position(release.MemberFile, m.Line, release.MemberColumns["member"] + 1))).ToList();
        var provisions = a.Members.SelectMany(m => Provisions(release, a, m, source.Id)).ToList();
        var uncertain = new List<string>();
        if (a.Members.Any(m => m.ObligationsVary))
        {
            uncertain.Add("ATOP codes obligations that differ by partner (obvary=1) without saying toward whom; "
                + "directions follow Pacta's rule for ATOP (see AtopDirections).");
        }
        return new Agreement(
            $"atop-{a.AtopId}",
            $"ATOP alliance {a.AtopId} ({string.Join(", ", a.Members.Select(m => m.State).Distinct().Order())})",
            AgreementForm.Treaty,
            a.InEffect ? AgreementStatus.InForce : a.Term == 1 ? AgreementStatus.Expired : AgreementStatus.Terminated,
            Bindingness.Legal,
            a.EstMode == 0 ? "ATOP: a written agreement not requiring ratification (estmode=0)" : null,
            new AgreementDates(a.Begin.FirstDay, a.Begin.FirstDay, a.InEffect ? null : a.End?.LastDay,
                a.InEffect ? null : AtopCodes.Term(a.Term), null, null, $"term={a.Term?.ToString() ?? "missing"}: {AtopCodes.Term(a.Term)}"),
            parties,
            [source],
            provisions,
            Notes(release, a),
            uncertain,
            Origin,
            new Position(release.AllianceFile, a.Line, 1));
    }

    private static List<string> Notes(AtopRelease release, AtopAlliance a) =>
    [
        $"ATOP {release.Version} alliance {a.AtopId}; dates are signature dates, as ATOP codes them (§2.32)"
            + (a.CowId is { } c ? $"; COW alliance {c}" : ""),
        $"bilateral: {(a.Bilateral ? "yes" : "no")} (bilat={(a.Bilateral ? 1 : 0)})",
        $"secrecy: {AtopCodes.Secrecy(a.PubSecr, a.SecrArt)}",
        $"military aid: {AtopCodes.MilitaryAid(a.MilAid)}",
        $"organisation: {AtopCodes.Organisation(a.Organ1, a.OrgPurp1)}" + (a.Organ2 is > 0 ? $"; second: {AtopCodes.Organisation(a.Organ2, a.OrgPurp2)}" : ""),
        $"termination: {AtopCodes.Term(a.Term)}",
        $"asymmetric obligations: {(a.Asymmetric ? "yes" : "no")}",
        $"specific threat: {AtopCodes.Threat(a.SpecThrt, a.StatThr1, a.StatThr2)}",
        $"phases: {Math.Max(1, a.MaxPhase)}",
    ];

    private static IEnumerable<Provision> Provisions(AtopRelease release, AtopAlliance a, AtopMember m, string sourceId)
    {
        var toward = AtopDirections.Toward(a, m);
        for (var k = 0; k < AtopColumns.ObligationColumns.Length; k++)
        {
            var promise = AtopColumns.ObligationFlags[k];
            if ((m.Obligations & promise) == 0) continue;
            var column = AtopColumns.ObligationColumns[k];
            var position = new Position(release.MemberFile, m.Line, release.MemberColumns.TryGetValue(column, out var ci) ? ci + 1 : 0);
            var conditions = AtopColumns.ConditionColumns[promise].Append(AtopColumns.OtherCondition)
                .Where(m.Conditions.Contains)
                .Select(c => new Condition(ConditionKind.AtopCondition, $"{c}=1: {AtopCodes.Conditions[c]}", [m.State]))
                .ToList();
            // When the promise runs only to some co-members (obvary), the target is those states.
            var target = toward is null ? Selector.Of(SelectorKind.AnyMember)
                : Selector.ForStates(toward.Where(t => (t.Value & promise) != 0).Select(t => t.Key).Order().ToArray());
            var (kind, word, trigger, attacker, strength, action) = Shape(promise);
            // A non-aggression promise is a standing promise owed to each co-member: it is broken, not triggered, by
            // the member's own attack, and the breach check needs the states it is owed to by name (the event has no
            // "target" to stand for). The co-members of the member's phase, or those obligations run to (obvary).
            var beneficiary = promise == AllianceObligations.NonAggression
                ? Selector.ForStates(toward is null ? CoMembers(a, m) : target.States.ToArray())
                : Selector.Of(SelectorKind.Target);
            var uncertain = toward is null ? new List<string>()
                : ["direction inferred: ATOP codes obvary=1 for this member (different obligations to different members)"];
            yield return new Provision(
                $"{word}-{m.State}-p{m.Phase}" + (a.Members.Count(x => x.State == m.State && x.Phase == m.Phase) > 1 ? $"-l{m.Line}" : ""),
                $"ATOP {word} (member {m.State}, phase {m.Phase})",
                kind,
                $"{m.State} promises {action}" + (toward is null ? " to the other members" : $" to {target}"),
                null,
                [sourceId],
                new Trigger(trigger, target, attacker == "self" ? Selector.ForStates(m.State) : Selector.Of(attacker), Scope.Anywhere, null, position),
                [new Obligation(Selector.ForStates(m.State), beneficiary, action, strength, [], null, DeadlineFirmness.Hard, null, [], [], position)],
                conditions,
                promise == AllianceObligations.NonAggression ? [TriggerKind.ArmedAttack] : [],
                uncertain,
                position)
            {
                // The member row binds for its phase spell only, not for the alliance's whole life.
                Span = Spell(m),
            };
        }
    }

    /// <summary>The days of one member row (member × phase): entry to exit, open while the row is in effect.</summary>
    private static DateSpan Spell(AtopMember m) => new(m.Entry.FirstDay, m.InEffect ? null : m.Exit?.LastDay);

    /// <summary>The other states of the member's phase, in code order.</summary>
    private static int[] CoMembers(AtopAlliance a, AtopMember m) =>
        a.Members.Where(x => x.Phase == m.Phase && x.State != m.State).Select(x => x.State).Distinct().Order().ToArray();

    /// <summary>
    /// The codebook's reading of each promise (§1.51, §2.33): defence answers an attack on an ally by anyone;
    /// offence is aid in a war not started by an attack on the ally; neutrality concerns conflicts between the
    /// ally and a third party; non-aggression binds the member itself (the trigger is its own attack on the ally,
    /// which breaches the provision: attacker "self" becomes the member); consultation
    /// answers crises with the potential for military conflict.
    /// </summary>
    private static (ProvisionKind, string, TriggerKind[], string, Strength, string) Shape(AllianceObligations promise) => promise switch
    {
        AllianceObligations.Defense => (ProvisionKind.Defense, "defense", [TriggerKind.ArmedAttack], "anyone", Strength.Automatic,
            "active military support if the ally is attacked"),
        AllianceObligations.Offense => (ProvisionKind.Offense, "offense", [TriggerKind.WarInvolvement], "anyone", Strength.Automatic,
            "active military support in a conflict not started by an attack on the ally"),
        AllianceObligations.Neutrality => (ProvisionKind.Neutrality, "neutrality", [TriggerKind.WarInvolvement], "non-party", Strength.Automatic,
            "neutrality: not to join or aid the ally's adversary"),
        AllianceObligations.NonAggression => (ProvisionKind.NonAggression, "non-aggression", [TriggerKind.ArmedAttack], "self", Strength.Automatic,
            "not to use force against the ally"),
        _ => (ProvisionKind.Consultation, "consultation", [TriggerKind.ThreatOfAttack], "anyone", Strength.Consultative,
            "consultation in a crisis that may lead to military conflict"),
    };
}
