using Pacta.Domain;

namespace Pacta.Evaluation;

/// <summary>
/// One dimension of one agreement in a comparison: a readable value and, where the dimension is ordered,
/// a score in [0, 1] (1 = the strongest form of that dimension found in any treaty) used for the chart and
/// for "closer to / weaker than" the reference. <see cref="Note"/> is longer wording from the file (a termination
/// clause) that tables print below rather than in a cell.
/// </summary>
public sealed record DimensionValue(string Text, double? Score, string? Note = null);

/// <summary>A dimension row: its name, what it means, and the value for each compared agreement.</summary>
public sealed record ComparisonRow(string Dimension, string Meaning, IReadOnlyList<DimensionValue> Values, IReadOnlyList<string> Verdicts);

/// <summary>The side-by-side comparison of agreements on fixed dimensions; the first agreement is the reference (the one chosen, or the first given).</summary>
public sealed record Comparison(IReadOnlyList<Agreement> Agreements, IReadOnlyList<ComparisonRow> Rows);

/// <summary>
/// Compares agreements on fixed dimensions. Everything is derived from the encoded provisions, so the
/// comparison changes when a file changes and never carries opinions of its own. The rules are in
/// docs/compare.md.
/// </summary>
public static class Comparer
{
    private static readonly ProvisionKind[] ObligingKinds =
        [ProvisionKind.Defense, ProvisionKind.Offense, ProvisionKind.Assistance, ProvisionKind.Consultation, ProvisionKind.SecurityCouncilReferral, ProvisionKind.Sanctions];

    /// <summary>
    /// Compares <paramref name="agreements"/> against <paramref name="reference"/> (default: the first, in the
    /// caller's order). The reference becomes the first column; the others keep their order.
    /// </summary>
    public static Comparison Compare(Corpus corpus, IReadOnlyList<Agreement> agreements, string? reference = null)
    {
        if (reference is not null)
        {
            var r = agreements.FirstOrDefault(a => a.Id == reference)
                ?? throw new ArgumentException($"the reference '{reference}' is not among the compared agreements", nameof(reference));
            agreements = [r, .. agreements.Where(a => !ReferenceEquals(a, r))];
        }
        var rows = new List<ComparisonRow>
        {
            Row("bindingness", "legal > political > none", agreements, a => a.Bindingness switch
            {
                Bindingness.Legal => new("legal", 1),
                Bindingness.Political => new("political", 0.5),
                _ => new(a.Status == AgreementStatus.Proposal ? "none (a proposal)" : "none", 0),
            }),
            Row("strength", "strongest promise on attack: automatic (all means) > discretionary (as it deems necessary) > consultative", agreements, Strength),
            Row("military assistance", "does a triggered provision promise military help (defence, offence, military or air-defence assistance)?", agreements, Military),
            Row("trigger breadth", "event kinds that activate the agreement's main promise on attack (defence/offence > assistance, sanctions, Security Council referral > consultation)", agreements, Breadth),
            Row("deadline", "shortest time limit set for a response after the event", agreements, Deadline),
            Row("territorial scope", "where an attack must happen for the main promise", agreements, a => new(ScopeText(corpus, a), null)),
            Row("when", "conditions on timing (only after current hostilities end …)", agreements, When),
            Row("duration and exit", "how long it lasts and how a party leaves", agreements, Duration),
            Row("escape clauses", "conditions that let a party decide or delay (constitutional processes, parliamentary approval …); reporting to the Security Council is not one", agreements, Escapes),
            Row("reciprocity", "do obligations run both ways between the parties?", agreements, a => Reciprocity(corpus, a)),
            Row("ATOP-style codes", "defense, offense, neutrality, non-aggression, consultation (docs/compare.md gives the mapping)", agreements, Atop),
        };
        return new Comparison(agreements, rows);
    }

    /// <summary>
    /// A proposal has no agreed text: what it does not state (an escape clause, a term) is unknown, not absent, so
    /// those dimensions carry no score rather than the score of a text that states "none".
    /// </summary>
    private static bool NoAgreedText(Agreement a) => a.Status == AgreementStatus.Proposal;

    private static ComparisonRow Row(string name, string meaning, IReadOnlyList<Agreement> agreements, Func<Agreement, DimensionValue> f)
    {
        var values = agreements.Select(f).ToList();
        var reference = values[0];
        var ordered = values.Any(v => v.Score is not null);
        var verdicts = values.Select((v, i) =>
        {
            if (i == 0) return "reference";
            if (!ordered) return v.Text == reference.Text ? "same" : "different";
            if (v.Score is null || reference.Score is null) return "not scored";
            var d = v.Score.Value - reference.Score.Value;
            return Math.Abs(d) < 1e-9 ? "same" : d < 0 ? "weaker" : "stronger";
        }).ToList();
        return new ComparisonRow(name, meaning, values, verdicts);
    }

    private static IEnumerable<(Provision P, Obligation O)> OnAttack(Agreement a) =>
        a.Provisions.Where(p => p.Trigger is not null && ObligingKinds.Contains(p.Kind)).SelectMany(p => p.Obligations.Select(o => (p, o)));

    private static DimensionValue Strength(Agreement a)
    {
        var all = OnAttack(a).Select(x => x.O.Strength).ToList();
        if (all.Count == 0) return new("no promise on attack", 0);
        var best = all.Min();
        return best switch
        {
            Domain.Strength.Automatic => new("automatic", 1),
            Domain.Strength.Discretionary => new("discretionary", 2.0 / 3),
            _ => new("consultative", 1.0 / 3),
        };
    }

    private static DimensionValue Military(Agreement a)
    {
        var military = OnAttack(a).Any(x => x.P.Kind is ProvisionKind.Defense or ProvisionKind.Offense
            || x.O.Assistance.Contains(AssistanceType.Military) || x.O.Assistance.Contains(AssistanceType.AirDefense));
        var standing = !military && a.Provisions.Any(p => p.Trigger is null && p.Obligations.Any(o => o.Assistance.Contains(AssistanceType.Military)));
        return military ? new("yes, on attack", 1) : standing ? new("standing aid only (not tied to an attack)", 0.5) : new("no", 0);
    }

    /// <summary>How strongly a provision kind answers an attack: the "main promise" is the highest rank an agreement has.</summary>
    private static int Rank(ProvisionKind k) => k switch
    {
        ProvisionKind.Defense or ProvisionKind.Offense => 3,
        ProvisionKind.Assistance or ProvisionKind.Sanctions or ProvisionKind.SecurityCouncilReferral => 2,
        _ => 1,
    };

    private static DimensionValue Breadth(Agreement a)
    {
        // Breadth is that of the main promise: Budapest's para. 6 consultation on any attack does not widen para. 4,
        // which asks for Security Council action only after aggression with nuclear weapons (docs/compare.md).
        var promises = a.Provisions.Where(p => p.Trigger is not null && ObligingKinds.Contains(p.Kind)).ToList();
        if (promises.Count == 0) return new("no promise on attack", 0);
        var top = promises.Max(p => Rank(p.Kind));
        static List<TriggerKind> KindsOf(IEnumerable<Provision> ps) => ps.SelectMany(p => p.Trigger!.Kinds).Distinct().Order().ToList();
        var main = KindsOf(promises.Where(p => Rank(p.Kind) == top));
        var mainKinds = promises.Where(p => Rank(p.Kind) == top).Select(p => Words.Of(p.Kind)).Distinct().ToList();
        var lesserProvisions = promises.Where(p => Rank(p.Kind) < top).ToList();
        var lesser = KindsOf(lesserProvisions).Except(main).ToList();
        var text = $"{ComparisonWords.List(main.Select(TriggerWords).ToList())} ({string.Join(", ", mainKinds)})";
        if (lesser.Count > 0)
            text += $"; {ComparisonWords.List(lesser.Select(TriggerWords).ToList())}: {string.Join(", ", lesserProvisions.Select(p => Words.Of(p.Kind)).Distinct())} only";
        var score = main.Count(k => k != TriggerKind.AggressionWithNuclearWeapons) switch { 0 => 0.25, 1 => 0.5, 2 => 0.75, _ => 1.0 };
        return new(text, score);
    }

    private static string TriggerWords(TriggerKind k) => k switch
    {
        TriggerKind.ArmedAttack => "armed attack",
        TriggerKind.ThreatOfAttack => "threat of attack",
        TriggerKind.AggressionWithNuclearWeapons => "aggression with nuclear weapons",
        TriggerKind.SignificantEscalation => "significant escalation",
        TriggerKind.WarInvolvement => "involvement in a war",
        _ => Words.Of(k),
    };

    private static DimensionValue Deadline(Agreement a)
    {
        var withDeadline = OnAttack(a).Where(x => x.O.Deadline is not null)
            .OrderBy(x => x.O.Deadline!.AddTo(DateTimeOffset.UnixEpoch)).ToList();
        if (withDeadline.Count > 0)
        {
            var o = withDeadline[0].O;
            var hours = (o.Deadline!.AddTo(DateTimeOffset.UnixEpoch) - DateTimeOffset.UnixEpoch).TotalHours;
            var hard = o.Firmness == DeadlineFirmness.Hard;
            var all = string.Join(", ", withDeadline.Select(x => ComparisonWords.DeadlineFor(x.O)).Distinct());
            return new($"{all}{(hard ? "" : " (where possible)")}", hard ? Math.Clamp(1 - hours / 240, 0.5, 1) : 0.45);
        }
        var timing = OnAttack(a).Select(x => x.O.Timing).FirstOrDefault(t => t is not null);
        return timing is not null ? new($"no hour limit (\"{timing}\")", 0.3) : new("none stated", 0);
    }

    private static string ScopeText(Corpus corpus, Agreement a)
    {
        // Where the main promise applies (as for trigger breadth): NATO's is Art. 5's Art. 6 area, not Art. 4's "anywhere".
        var promises = a.Provisions.Where(p => p.Trigger is not null && ObligingKinds.Contains(p.Kind)).ToList();
        var top = promises.Count == 0 ? 0 : promises.Max(p => Rank(p.Kind));
        var scopes = promises.Where(p => Rank(p.Kind) == top)
            .Select(p => ComparisonWords.Scope(corpus.Locations, p.Trigger!.Scope, ProtectedName(corpus, p.Trigger!.Target))).Distinct().ToList();
        return scopes.Count == 0 ? "no promise on attack" : string.Join("; ", scopes);
    }

    private static string? ProtectedName(Corpus corpus, Selector target) =>
        target.Kind == SelectorKind.States && target.States.Count == 1 ? corpus.States.ByCow(target.States[0])?.Name : null;

    private static DimensionValue When(Agreement a)
    {
        var after = a.Provisions.Where(p => p.Trigger?.AfterHostilities is not null).Select(p => p.Trigger!.AfterHostilities).Distinct().ToList();
        if (a.Dates.InForceOn is null) return new($"not in force ({Words.Of(a.Status)})" + (after.Count > 0 ? $"; only after {string.Join(", ", after)} ends" : ""), 0);
        return after.Count > 0 ? new($"only after {string.Join(", ", after)} has ended", 0.5) : new("any time while in force", 1);
    }

    private static DimensionValue Duration(Agreement a)
    {
        var d = a.Dates;
        if (NoAgreedText(a) && d.Duration is null && d.Ends is null && d.Notice is null) return new("not stated (no agreed text)", null, d.TerminationNote);
        var parts = new List<string>
        {
            d.Duration is { } term ? $"{ComparisonWords.Duration(term)} term" : d.LastDay is { } last ? $"until {last:yyyy-MM-dd}" : "indefinite",
        };
        if (d.Notice is { } n) parts.Add(ComparisonWords.Notice(n));
        var score = d.Duration is null && d.Ends is null ? 1.0 : 0.5;
        return new(string.Join("; ", parts), score, d.TerminationNote);
    }

    private static DimensionValue Escapes(Agreement a)
    {
        var onAttack = OnAttack(a).ToList();
        if (onAttack.Count == 0) return new("no promise on attack", null);
        var conditions = onAttack.SelectMany(x => x.P.Conditions.Concat(x.O.Conditions)).Distinct().ToList();
        // Reporting to the Security Council, and ending the measures once it has acted, restates UN Charter Art. 51:
        // it lets no party decide or delay, so it is shown but not scored (docs/compare.md).
        var council = conditions.Any(c => c.Kind == ConditionKind.SecurityCouncilAction) ? "; reports to the Security Council (not an escape)" : "";
        // A condition of kind "other" says in its own words what lets the party decide (the US draft of November 2025:
        // the US President decides the response after consulting), and a void-if clause ends the promise when its fact
        // holds: both are worded from the encoded text, not as a bare kind.
        var kinds = conditions.Where(c => c.Kind != ConditionKind.SecurityCouncilAction)
            .Select(c => c.Kind == ConditionKind.Other && c.Text.Length > 0 ? ComparisonWords.Sentence(c.Text) : Words.Of(c.Kind).Replace('-', ' '))
            .Distinct().Order(StringComparer.Ordinal)
            .Concat(onAttack.SelectMany(x => x.P.Trigger?.VoidIf ?? []).Select(v => "void if " + ComparisonWords.Sentence(v.Text.Length > 0 ? v.Text : v.Attribute)).Distinct()).ToList();
        if (kinds.Count > 0) return new(string.Join(", ", kinds) + council, Math.Max(0, 1 - 0.25 * kinds.Count));
        return NoAgreedText(a) ? new("none stated (no agreed text)" + council, null) : new("none" + council, 1);
    }

    private static DimensionValue Reciprocity(Corpus corpus, Agreement a)
    {
        var triggers = a.Provisions.Where(p => p.Trigger is not null && ObligingKinds.Contains(p.Kind)).ToList();
        if (triggers.Count == 0) return new("no obligations on attack", 0);
        // Whom the targets protect, as BoundParties reads them over every party the agreement ever has (a mere
        // signatory is not covered by any-member).
        var ever = corpus.Bound.EverPartyRoles(a).ToList();
        var parties = ever.Select(x => x.State).Distinct().ToList();
        var protectedStates = triggers.Where(p => p.Trigger!.Target.Kind == SelectorKind.States).SelectMany(p => p.Trigger!.Target.States).ToList();
        foreach (var t in triggers.Select(p => p.Trigger!.Target).Where(t => t.Kind != SelectorKind.States))
            protectedStates.AddRange(ever.Where(x => t.Kind switch
            {
                SelectorKind.AnyMember => AgreementOnDay.IsMemberRole(x.Role),
                SelectorKind.OtherParties => AgreementOnDay.IsObligorRole(x.Role),
                SelectorKind.Role => x.Role == t.Role,
                _ => false,
            }).Select(x => x.State));
        protectedStates = protectedStates.Distinct().ToList();
        if (triggers.Any(p => p.Trigger!.Target.Kind is SelectorKind.AnyMember) && parties.All(protectedStates.Contains)) return new("mutual: any party attacked is protected", 1);
        if (protectedStates.Count >= 2 && parties.All(protectedStates.Contains)) return new("mutual", 1);
        if (protectedStates.Count >= 2) return new("partly reciprocal: " + string.Join(", ", protectedStates.Select(s => corpus.States.ByCow(s)?.Code ?? s.ToString(System.Globalization.CultureInfo.InvariantCulture))) + " protected", 0.75);
        return new("one-way: protects " + string.Join(", ", protectedStates.Select(s => corpus.States.ByCow(s)?.Name ?? "?")), 0.25);
    }

    /// <summary>ATOP's five promise types as they follow from the provision kinds (docs/compare.md).</summary>
    public static IReadOnlyList<string> AtopCodes(Agreement a)
    {
        var codes = new List<string>();
        if (a.Provisions.Any(p => p.Kind == ProvisionKind.Defense)) codes.Add("defense");
        if (a.Provisions.Any(p => p.Kind == ProvisionKind.Offense)) codes.Add("offense");
        if (a.Provisions.Any(p => p.Kind == ProvisionKind.Neutrality)) codes.Add("neutrality");
        if (a.Provisions.Any(p => p.Kind == ProvisionKind.NonAggression)) codes.Add("non-aggression");
        if (a.Provisions.Any(p => p.Kind == ProvisionKind.Consultation)) codes.Add("consultation");
        return codes;
    }

    private static DimensionValue Atop(Agreement a)
    {
        var codes = AtopCodes(a);
        return new(codes.Count == 0 ? "none" : string.Join(", ", codes), codes.Contains("defense") ? 1 : codes.Contains("consultation") ? 0.4 : codes.Count > 0 ? 0.3 : 0);
    }
}
