using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

/// <summary>
/// What the invocation rules read besides the corpus: the hand-encoded overlays (corpus/invocation/) and the
/// adversaries ATOP names (STATTHR1/2) by agreement id. <see cref="None"/> leaves only the rules the corpus decides
/// (attacks by co-members; ATOP's condition flags, with any named adversary unknown).
/// </summary>
public sealed class InvocationRules(IEnumerable<InvocationTerms> overlays, IReadOnlyDictionary<string, IReadOnlyList<int>> namedThreats)
{
    public static readonly InvocationRules None = new([], new Dictionary<string, IReadOnlyList<int>>());

    public IReadOnlyDictionary<string, InvocationTerms> Overlays { get; } = overlays.ToDictionary(t => t.Agreement, StringComparer.Ordinal);

    /// <summary>The states an ATOP alliance names as its threat (agreement id → COW codes).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> NamedThreats { get; } = namedThreats;
}

/// <summary>The verdict on one triggered promise to fight for one event, with the reason in words.</summary>
public readonly record struct InvocationDecision(InvocationVerdict Verdict, string Reason)
{
    public static readonly InvocationDecision Invoked = new(InvocationVerdict.Invoked, "");
}

/// <summary>
/// Decides whether a promise to fight (defence, offence) that the Evaluator found triggered is invoked on the facts of
/// the event, in this order: an attack by a state that is itself a party does not invoke it unless the text says so;
/// an overlay's named adversaries and area decide where it gives them; conditions nothing decides (an overlay's, or
/// ATOP's flags where no overlay reads the text) make it conditional. Other promises are not its concern.
/// </summary>
public sealed class Invocation(Corpus corpus, DateOnly day, Assumptions assumptions, InvocationRules rules)
{
    private readonly Dictionary<Agreement, HashSet<int>> _parties = new(ReferenceEqualityComparer.Instance);

    public InvocationRules Rules { get; } = rules;

    /// <summary>
    /// The overlay that reads an agreement's text: its own, or that of the ATOP alliance it is the same as (a
    /// hand-encoded file declares <c>same-as atop-ID</c>), so both corpora read one text one way.
    /// </summary>
    public InvocationTerms? Overlay(Agreement a) =>
        Rules.Overlays.GetValueOrDefault(a.Id)
        ?? a.Related.Where(r => r.Relation == Relation.SameAs).Select(r => Rules.Overlays.GetValueOrDefault(r.Agreement)).FirstOrDefault(t => t is not null);

    public InvocationDecision Decide(CascadeObligation k, State attacker, Location location)
    {
        if (k.Kind is not (ProvisionKind.Defense or ProvisionKind.Offense)) return InvocationDecision.Invoked;
        var a = k.Agreement;
        var overlay = Overlay(a);
        if (PartiesOf(a).Contains(attacker.Cow))
        {
            var members = overlay?.BetweenMembers ?? MemberAttacks.NotInvoked;
            var why = overlay?.BetweenMembersNote is { } n ? $" ({n})" : "";
            if (members == MemberAttacks.NotInvoked)
                return new(InvocationVerdict.NotInvoked, $"{attacker.Name} is itself a party: an attack by a co-member does not invoke the promise{why}");
            if (members == MemberAttacks.Conditional)
                return new(InvocationVerdict.Conditional, $"{attacker.Name} is itself a party: an attack by a co-member goes to the alliance's organs{why}");
        }
        if (overlay is not null && overlay.Kinds.Contains(k.Kind)) return ByOverlay(overlay, k, attacker, location);
        if (a.Origin == AgreementOrigin.Atop) return ByAtopFlags(k, attacker);
        return InvocationDecision.Invoked;
    }

    private InvocationDecision ByOverlay(InvocationTerms t, CascadeObligation k, State attacker, Location location)
    {
        if (t.Adversaries is { } adversaries && !adversaries.Contains(attacker.Cow))
            return new(InvocationVerdict.NotInvoked, $"the promise answers {Names(adversaries)} only, not {attacker.Name}{Note(t.AdversaryNote)}");
        if (t.Area is { } area && !InArea(area, location))
            return new(InvocationVerdict.NotInvoked, $"{location.Name} lies outside the treaty area{Note(t.AreaNote)}");
        foreach (var c in t.Conditions)
            if (c.Obligors.Count == 0 || c.Obligors.Contains(k.Obligor.Cow))
                return new(InvocationVerdict.Conditional, c.Text);
        return InvocationDecision.Invoked;
    }

    /// <summary>ATOP's condition dummies of the obligor's member row, where no overlay reads the text.</summary>
    private InvocationDecision ByAtopFlags(CascadeObligation k, State attacker)
    {
        if (k.Triggered is null) return InvocationDecision.Invoked;
        foreach (var c in k.Triggered.Conditions)
        {
            if (c.Kind != ConditionKind.AtopCondition || (c.States.Count > 0 && !c.States.Contains(k.Obligor.Cow))) continue;
            var column = c.Text.Split('=')[0];
            if (column is "defcoadv" or "offcoadv")
            {
                if (Rules.NamedThreats.GetValueOrDefault(k.Agreement.Id) is { Count: > 0 } named)
                {
                    if (named.Contains(attacker.Cow)) continue;
                    return new(InvocationVerdict.NotInvoked, $"ATOP: the promise is limited to specific adversaries ({column.ToUpperInvariant()}=1) and names {Names(named)} (STATTHR), not {attacker.Name}");
                }
                return new(InvocationVerdict.Conditional, $"ATOP: the promise is limited to specific adversaries ({column.ToUpperInvariant()}=1) that ATOP does not name");
            }
            return new(InvocationVerdict.Conditional, $"ATOP: {c.Text.Split(": ", 2)[^1]} ({column.ToUpperInvariant()}=1), which ATOP's flags cannot decide");
        }
        return InvocationDecision.Invoked;
    }

    private HashSet<int> PartiesOf(Agreement a)
    {
        lock (_parties)
        {
            if (!_parties.TryGetValue(a, out var set))
                _parties[a] = set = corpus.Bound.On(a, day, assumptions).Parties.Select(p => p.State).ToHashSet();
            return set;
        }
    }

    /// <summary>
    /// Whether a location is the home territory of a state the area lists: a historic state's own territory, or a
    /// country (or a subdivision of one) whose holder is listed — not a dependency held overseas (FK, held by GB).
    /// </summary>
    private bool InArea(IReadOnlyList<int> area, Location l)
    {
        if (l.SovereignCow is { } cow) return area.Contains(cow);
        if (Holder(l) is not { } holder || !area.Contains(holder)) return false;
        var home = corpus.States.ByCow(holder)?.Iso2;
        return home is null || string.Equals(l.Country, home, StringComparison.OrdinalIgnoreCase) || corpus.Locations.HistoricalHolders(l, day) is not null;
    }

    /// <summary>The state holding a location: a historic state's own territory names it; otherwise by ISO code.</summary>
    private int? Holder(Location l) =>
        l.SovereignCow ?? corpus.Locations.HistoricalHolders(l, day)?.FirstOrDefault() ?? corpus.States.ByIso2(l.Sovereign)?.Cow;

    private string Names(IEnumerable<int> cows) => string.Join(", ", cows.Select(c => corpus.States.ByCow(c)?.Name ?? $"COW {c}"));

    private static string Note(string? n) => n is null ? "" : $" ({n})";
}
