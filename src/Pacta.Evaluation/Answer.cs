using Pacta.Domain;

namespace Pacta.Evaluation;

/// <summary>The kinds of help a reader tells apart at a glance, in the order an answer lists them.</summary>
public enum HelpKind { Defence, Support, Consultation, Neutrality }

/// <summary>One obligor's strongest triggered obligation, and how many it owes in all.</summary>
public sealed record StateAnswer(State Obligor, TriggeredObligation Strongest, int Obligations);

/// <summary>
/// One triggered provision with every state it binds ("31 states under NATO Art. 5"); <see cref="Lead"/> is its
/// strongest obligation. <see cref="Historical"/> marks a provision from imported ATOP data rather than a
/// hand-encoded agreement.
/// </summary>
public sealed record AnswerGroup(Agreement Agreement, Provision Provision, TriggeredObligation Lead, HelpKind Kind, bool Historical, IReadOnlyList<State> States);

/// <summary>
/// The answer first. <see cref="States"/>: per obligor state its strongest triggered obligation. <see cref="Groups"/>:
/// every triggered provision with the states it binds. Both in the order to read them: hand-encoded agreements before
/// ATOP data, defence before support before consultation before neutrality, automatic before discretionary before
/// consultative, an immediate or earlier deadline first. Computed once here, so the web and the CLI read it alike.
/// </summary>
public sealed record Answer(IReadOnlyList<StateAnswer> States, IReadOnlyList<AnswerGroup> Groups)
{
    public static Answer Of(Outcome o)
    {
        var states = o.Triggered
            .GroupBy(t => t.Obligor.Cow)
            .Select(g => new StateAnswer(g.First().Obligor, g.OrderBy(t => t, Order).First(), g.Count()))
            .OrderBy(s => s.Strongest, Order)
            .ThenBy(s => s.Obligor.Name, StringComparer.Ordinal)
            .ToList();
        var groups = o.Triggered
            .GroupBy(t => (t.Agreement.Id, t.Provision.Id))
            .Select(g =>
            {
                var lead = g.OrderBy(t => t, Order).First();
                var bound = g.Select(t => t.Obligor).DistinctBy(s => s.Cow).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
                return new AnswerGroup(lead.Agreement, lead.Provision, lead, KindOf(lead.Provision.Kind), IsHistorical(lead.Agreement), bound);
            })
            .OrderBy(g => g.Lead, Order)
            .ToList();
        return new Answer(states, groups);
    }

    /// <summary>Hand-encoded before ATOP data; then kind, strength, an immediate or earlier deadline, and ids.</summary>
    public static readonly IComparer<TriggeredObligation> Order = Comparer<TriggeredObligation>.Create((a, b) =>
    {
        var c = IsHistorical(a.Agreement).CompareTo(IsHistorical(b.Agreement));
        if (c == 0) c = KindOf(a.Provision.Kind).CompareTo(KindOf(b.Provision.Kind));
        if (c == 0) c = a.Obligation.Strength.CompareTo(b.Obligation.Strength);
        if (c == 0) c = a.Hypothetical.CompareTo(b.Hypothetical);
        if (c == 0) c = Urgency(a).CompareTo(Urgency(b));
        if (c == 0) c = string.CompareOrdinal(a.Agreement.Id, b.Agreement.Id);
        if (c == 0) c = string.CompareOrdinal(a.Provision.Id, b.Provision.Id);
        return c;
    });

    /// <summary>Imported from the ATOP dataset: historical data, possibly out of date.</summary>
    public static bool IsHistorical(Agreement a) => a.Origin == AgreementOrigin.Atop;

    public static HelpKind KindOf(ProvisionKind k) => k switch
    {
        ProvisionKind.Defense or ProvisionKind.Offense => HelpKind.Defence,
        ProvisionKind.Assistance or ProvisionKind.Sanctions or ProvisionKind.MembershipPath => HelpKind.Support,
        ProvisionKind.Neutrality or ProvisionKind.NonAggression => HelpKind.Neutrality,
        _ => HelpKind.Consultation,
    };

    /// <summary>
    /// "forthwith", "immediately", "without delay": due at once, with no limit in hours. The texts that say so set no
    /// deadline in hours, so a timeline of hours alone would show them as having none.
    /// </summary>
    public static bool IsImmediate(Obligation o) =>
        o.Deadline is null && o.Timing is { } t && t.Trim().ToLowerInvariant() is "forthwith" or "immediately" or "without delay" or "at once";

    /// <summary>Immediate first, then the earliest deadline, then none.</summary>
    private static DateTimeOffset Urgency(TriggeredObligation t) =>
        IsImmediate(t.Obligation) ? DateTimeOffset.MinValue : t.Deadline ?? DateTimeOffset.MaxValue;
}
