using Pacta.Domain;
using Pacta.Evaluation.Checks;

namespace Pacta.Evaluation;

/// <summary>
/// Decides, for an event, which provisions of which agreements are triggered and for whom, which promises
/// the event breaks, and why every other provision of the agreements involved is not triggered. Pure: the
/// corpus and the event are the only inputs; there is no clock.
/// </summary>
/// <remarks>
/// The checks are units (<see cref="ClauseChecks"/>), each of which both decides and, when given a list, words its
/// explanation, so the decision and the explanation cannot disagree. <see cref="Evaluate"/> runs the checks without
/// wording them; the explanation trees (and the reasons of provisions not triggered) are worded when first read.
/// </remarks>
public sealed class Evaluator
{
    private readonly Corpus _corpus;

    // The agreements each state is ever a party to, by position in Corpus.Agreements, which is sorted by id: marking
    // positions and reading them in order yields the agreements in id order without sorting strings per event.
    private readonly AgreementTerms[] _terms;
    private readonly int[] _handEncoded;
    private readonly Dictionary<int, int[]> _involvingAt = new();

    /// <summary>
    /// An evaluator over <paramref name="corpus"/>. Who is bound is decided by <paramref name="bound"/>: by default a
    /// resolver over the same corpus; an evaluator over part of a corpus (the cascade's per-victim evaluators) passes
    /// the whole corpus's, so that successors and same-as files outside the part still count. The checks are
    /// <see cref="ClauseChecks.Default"/> unless <paramref name="checks"/> are given.
    /// </summary>
    public Evaluator(Corpus corpus, BoundParties? bound = null, ClauseChecks? checks = null)
    {
        _corpus = corpus;
        Bound = bound ?? corpus.Bound;
        Checks = checks ?? ClauseChecks.Default;
        var at = new Dictionary<int, List<int>>();
        var handEncoded = new List<int>();
        _terms = new AgreementTerms[corpus.Agreements.Count];
        for (var i = 0; i < corpus.Agreements.Count; i++)
        {
            var a = corpus.Agreements[i];
            _terms[i] = Bound.Terms(a);
            if (a.Origin != AgreementOrigin.Atop) handEncoded.Add(i);
            // An imported ATOP alliance that a hand-encoded agreement declares "same-as" is evaluated only once,
            // through the hand-encoded file.
            if (_terms[i].Represented) continue;
            foreach (var s in Bound.EverParties(a))
            {
                if (!at.TryGetValue(s, out var positions)) at[s] = positions = [];
                positions.Add(i);
            }
        }
        _handEncoded = [.. handEncoded];
        foreach (var (s, positions) in at) _involvingAt[s] = [.. positions];
    }

    public Corpus Corpus => _corpus;

    /// <summary>The resolver of who is bound that this evaluator asks.</summary>
    public BoundParties Bound { get; }

    /// <summary>The checks this evaluator runs, in order.</summary>
    public ClauseChecks Checks { get; }

    /// <summary>
    /// The agreements the evaluator considers for an event: every hand-encoded agreement (so "why does Art. 5
    /// not apply to Ukraine?" has an answer), and the imported ATOP alliances that involve the attacker or the
    /// target, plus those named in assumptions.
    /// </summary>
    public IEnumerable<Agreement> Involving(int attacker, int target, Assumptions assumptions)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in _corpus.Agreements.Where(a => a.Origin != AgreementOrigin.Atop))
            if (ids.Add(a.Id)) yield return a;
        foreach (var s in new[] { target, attacker })
            foreach (var i in _involvingAt.GetValueOrDefault(s) ?? []) if (ids.Add(_corpus.Agreements[i].Id)) yield return _corpus.Agreements[i];
        foreach (var m in assumptions.Members.Where(m => m.State == target || m.State == attacker))
        {
            foreach (var a in _corpus.Agreements.Where(a => a.Id == m.Of || a.Parties.Any(p => p.Organization == m.Of)))
                if (ids.Add(a.Id)) yield return a;
        }
        foreach (var ad in assumptions.Adopted)
            if (_corpus.Agreement(ad.Agreement) is { } a && ids.Add(a.Id)) yield return a;
    }

    /// <summary>The same agreements as <see cref="Involving"/>, as positions in <see cref="Corpus.Agreements"/>, in id order.</summary>
    private List<int> InvolvingPositions(int attacker, int target, Assumptions assumptions)
    {
        var marked = MarkInvolving(attacker, target, assumptions);
        var positions = new List<int>();
        for (var i = 0; i < marked.Length; i++) if (marked[i]) positions.Add(i);
        return positions;
    }

    /// <summary>The same agreements as <see cref="Involving"/>, marked by position in <see cref="Corpus.Agreements"/>.</summary>
    private bool[] MarkInvolving(int attacker, int target, Assumptions assumptions)
    {
        var agreements = _corpus.Agreements;
        var marked = new bool[agreements.Count];
        foreach (var i in _handEncoded) marked[i] = true;
        foreach (var i in _involvingAt.GetValueOrDefault(target) ?? []) marked[i] = true;
        foreach (var i in _involvingAt.GetValueOrDefault(attacker) ?? []) marked[i] = true;
        if (assumptions.Members.Count > 0 || assumptions.Adopted.Count > 0)
        {
            // Rare (scenarios with assumptions) and small: the straightforward scan.
            for (var i = 0; i < agreements.Count; i++)
            {
                var a = agreements[i];
                if (assumptions.Adopted.Any(ad => ad.Agreement == a.Id)) marked[i] = true;
                foreach (var m in assumptions.Members)
                    if ((m.State == target || m.State == attacker) && (a.Id == m.Of || a.Parties.Any(p => p.Organization == m.Of)))
                        marked[i] = true;
            }
        }
        return marked;
    }

    public Outcome Evaluate(Event e, Assumptions assumptions)
    {
        var triggered = new List<TriggeredObligation>();
        var breached = new List<Breach>();
        var notTriggered = new List<NotTriggered>();
        var scene = new EventScene(_corpus, e, assumptions);
        foreach (var i in InvolvingPositions(e.Attacker.Cow, e.Target.Cow, assumptions))
        {
            var ctx = new AgreementAtEvent(scene, _terms[i]);
            foreach (var p in ctx.Agreement.Provisions)
            {
                if (p.Trigger is not null) EvaluateTrigger(ctx, p, triggered, notTriggered);
                if (p.BreachedBy.Count > 0) EvaluateBreach(ctx, p, breached, notTriggered);
            }
        }
        return new Outcome(e, assumptions, triggered, breached, notTriggered);
    }

    /// <summary>
    /// What one check decides for one provision of one agreement under an event, without wording it: what the
    /// cascade's tables ask of the checks that depend on the attacker.
    /// </summary>
    public CheckResult? Decide(ClauseCheck check, Event e, Assumptions assumptions, Agreement agreement, Provision p)
    {
        var ctx = new AgreementAtEvent(new EventScene(_corpus, e, assumptions), Bound.Terms(agreement));
        return check.Run(new ClauseInput(ctx, p, null, null), null);
    }

    /// <summary>The scenes of <paramref name="e"/> as each of <paramref name="attackers"/> would make it (the same target, day and place), for <see cref="NotMetFor"/>.</summary>
    public EventScene[] Scenes(Event e, IReadOnlyList<State> attackers, Assumptions assumptions)
    {
        var first = new EventScene(_corpus, e, assumptions);
        var scenes = new EventScene[attackers.Count];
        for (var x = 0; x < attackers.Count; x++) scenes[x] = first.With(e with { Attacker = attackers[x] });
        return scenes;
    }

    /// <summary>
    /// <see cref="Decide"/> for each of <paramref name="scenes"/> (from <see cref="Scenes"/>: one event, each attacker):
    /// which attackers the check rules out (not met), by their place in the list; null for none. The agreement on the
    /// day is worked out once, not per attacker (the attack table asks this of every state for every provision whose
    /// trigger reads the attacker), and the scenes can serve every provision of the victim.
    /// </summary>
    public bool[]? NotMetFor(ClauseCheck check, IReadOnlyList<EventScene> scenes, Agreement agreement, Provision p)
    {
        if (scenes.Count == 0) return null;
        var day = new AgreementAtEvent(scenes[0], Bound.Terms(agreement));
        bool[]? set = null;
        for (var x = 0; x < scenes.Count; x++)
        {
            var ctx = x == 0 ? day : day.For(scenes[x]);
            if (check.Run(new ClauseInput(ctx, p, null, null), null) == CheckResult.NotMet) (set ??= new bool[scenes.Count])[x] = true;
        }
        return set;
    }

    private string Name(int cow) => _corpus.States.ByCow(cow)?.Name ?? $"COW {cow}";

    private State StateOf(int cow) => _corpus.States.ByCow(cow) ?? new State(cow, cow.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, $"COW {cow}", []);

    /// <summary>
    /// What <see cref="Evaluate"/> lists as triggered for each of <paramref name="events"/> (one target, day and place;
    /// other kinds or attackers), in the same order, without the breaches and the reasons of what is not triggered:
    /// what the attack table asks of each victim. Each agreement's force and parties on the day are worked out once
    /// for all the events.
    /// </summary>
    public IReadOnlyList<TriggeredObligation>[] TriggeredEach(IReadOnlyList<Event> events, Assumptions assumptions)
    {
        var lists = new List<TriggeredObligation>[events.Count];
        if (events.Count == 0) return lists;
        var first = new EventScene(_corpus, events[0], assumptions);
        var scenes = new EventScene[events.Count];
        var marked = new bool[events.Count][];
        for (var j = 0; j < events.Count; j++)
        {
            lists[j] = [];
            scenes[j] = j == 0 ? first : first.With(events[j]);
            marked[j] = MarkInvolving(events[j].Attacker.Cow, events[j].Target.Cow, assumptions);
        }
        for (var i = 0; i < _terms.Length; i++)
        {
            AgreementAtEvent? day = null;
            for (var j = 0; j < events.Count; j++)
            {
                if (!marked[j][i]) continue;
                var ctx = day is null ? day = new AgreementAtEvent(scenes[j], _terms[i]) : day.For(scenes[j]);
                foreach (var p in ctx.Agreement.Provisions)
                    if (p.Trigger is not null) EvaluateTrigger(ctx, p, lists[j], null);
            }
        }
        return lists;
    }

    /// <summary>Evaluates one trigger; the reasons of a provision not triggered go to <paramref name="notTriggered"/> when given.</summary>
    private void EvaluateTrigger(AgreementAtEvent ctx, Provision p, List<TriggeredObligation> triggered, List<NotTriggered>? notTriggered)
    {
        var t = p.Trigger!;
        var a = ctx.Agreement;
        var decided = RunChecks(Checks.Trigger, ctx, p, null);
        if (decided == CheckResult.NotMet)
        {
            notTriggered?.Add(new NotTriggered(a, p, "", () =>
                new Explanation(TriggerTitle(ctx, p), CheckResult.NotMet, ExplanationSource.Of(a, p), TriggerExplanations(ctx, p))));
            return;
        }

        var pairs = new List<Pair>();
        WalkObligations(ctx, p, pairs, null);
        if (pairs.Count == 0)
        {
            notTriggered?.Add(new NotTriggered(a, p, "", () =>
            {
                var children = TriggerExplanations(ctx, p);
                var skipped = new List<Explanation>();
                WalkObligations(ctx, p, null, skipped);
                if (skipped.Count > 0) children.AddRange(skipped);
                else children.Add(Explanation.Leaf("no obligor is a party on that day", false, ExplanationSource.Of(a, p, t.Position)));
                return new Explanation(TriggerTitle(ctx, p), CheckResult.NotMet, ExplanationSource.Of(a, p), children);
            }));
            return;
        }

        // The checks are the same for every obligor of the provision: worded once, on the first read of any tree.
        var shared = new Deferred<List<Explanation>>(() => TriggerExplanations(ctx, p));
        foreach (var (o, obligor, role, beneficiary, organization) in pairs)
        {
            var conditions = ConditionsCheck.Of(p, o);
            DateTimeOffset? deadline = o.Deadline?.AddTo(ctx.Event.Instant);
            var item = new TriggeredObligation(a, p, o, organization is null ? StateOf(obligor) : OrganizationObligor.AsState(organization), StateOf(beneficiary),
                deadline, ctx.Hypothetical, conditions, () => ObligationTree(ctx, p, o, obligor, role, beneficiary, deadline, shared.Value, organization))
            { ObligorOrganization = organization };
            // A trigger check the event cannot decide (a threshold or void-if attribute not stated): owed only if it goes the right way.
            if (decided == CheckResult.Unknown) item.SetUndecided(() => Undecided(shared.Value));
            triggered.Add(item);
        }
    }

    /// <summary>The words of the trigger checks left unknown: what would decide the obligation.</summary>
    private static IReadOnlyList<string> Undecided(List<Explanation> checks)
    {
        var words = new List<string>();
        foreach (var c in checks) if (c.Result == CheckResult.Unknown) words.Add(c.Check);
        return words;
    }

    private List<Explanation> TriggerExplanations(AgreementAtEvent ctx, Provision p)
    {
        var checks = new List<Explanation>();
        RunChecks(Checks.Trigger, ctx, p, checks, ExplanationSource.Of(ctx.Agreement, p, p.Trigger!.Position));
        return checks;
    }

    /// <summary>
    /// Runs <paramref name="checks"/> in order. Without <paramref name="explain"/> it stops at the first check not
    /// met and allocates nothing; with it, every check is worded into the list (up to a decisive one not met).
    /// Unknown does not count against: only a check not met stops a provision. The result is not met if any check is
    /// not met, else unknown if any is unknown, else met.
    /// </summary>
    private static CheckResult RunChecks(ClauseCheck[] checks, AgreementAtEvent ctx, Provision p, List<Explanation>? explain, ExplanationSource? src = null)
    {
        var input = new ClauseInput(ctx, p, null, explain is null ? null : src);
        var notMet = false;
        var unknown = false;
        foreach (var c in checks)
        {
            var r = c.Run(input, explain);
            if (r == CheckResult.Unknown) unknown = true;
            if (r != CheckResult.NotMet) continue;
            notMet = true;
            if (explain is null || c.Decisive) break;
        }
        return notMet ? CheckResult.NotMet : unknown ? CheckResult.Unknown : CheckResult.Met;
    }

    /// <summary>A deadline as text; one past the calendar's end (saturated) reads "beyond 9999-12-31".</summary>
    public static string DeadlineText(DateTimeOffset? deadline) =>
        deadline == DateTimeOffset.MaxValue ? "beyond 9999-12-31" : $"{deadline:yyyy-MM-ddTHH:mm:ssZ}";

    private static string TriggerTitle(AgreementAtEvent ctx, Provision p) => $"{p.Citation} of {ctx.Agreement.Id} is triggered";

    private Explanation ObligationTree(AgreementAtEvent ctx, Provision p, Obligation o, int obligor, PartyRole role, int beneficiary,
        DateTimeOffset? deadline, List<Explanation> checks, Organization? organization = null)
    {
        var oSrc = ExplanationSource.Of(ctx.Agreement, p, o.Position);
        var children = new List<Explanation>(checks.Count + p.Conditions.Count + o.Conditions.Count + 3);
        children.AddRange(checks);
        if (organization is not null)
            children.Add(Explanation.Leaf($"{organization.Name} is a party with role {WordCache.Of(role)} on {ctx.Day:yyyy-MM-dd}; the duty falls on the organization itself, not on its member states", true, oSrc));
        else
        {
            children.Add(Explanation.Leaf($"{Name(obligor)} is a party with role {WordCache.Of(role)} on {ctx.Day:yyyy-MM-dd}", true, oSrc));
            if (ctx.Agreement.Parties.Any(x => x.State == obligor && x.AssumedByEncoding))
                children.Add(Explanation.Leaf($"{Name(obligor)} is a party by assumption of the encoding, not named by the text", CheckResult.Unknown, oSrc));
        }
        foreach (var r in ReadingChoices.DependsOn(ctx.Agreement, p, organization is null ? obligor : null))
            children.Add(Explanation.Leaf($"under the reading {r.Reading} of the contested clause {r.Clause.Id}{(r.IsDefault ? " (the default)" : "")}; other readings: {string.Join(", ", r.Alternatives)}", CheckResult.Unknown, oSrc));
        var input = new ClauseInput(ctx, p, o, oSrc);
        foreach (var c in Checks.Obligation) c.Run(input, children);
        if (o.Deadline is { } d)
            children.Add(Explanation.Leaf(
                $"deadline {d}{(o.Firmness == DeadlineFirmness.WherePossible ? " where possible" : "")} from the event: {DeadlineText(deadline)}", true, oSrc));
        return new Explanation($"{p.Citation} of {ctx.Agreement.Id}: {organization?.Name ?? Name(obligor)} owes {Name(beneficiary)} — {o.Action}", CheckResult.Met, oSrc, children);
    }

    /// <summary>One obligor owing one beneficiary under one obligation.</summary>
    private readonly record struct Pair(Obligation Obligation, int Obligor, PartyRole Role, int Beneficiary, Organization? Organization = null);

    /// <summary>
    /// Every obligation of a provision, for every beneficiary and obligor: collects the pairs that owe
    /// something into <paramref name="pairs"/> and, when asked, words why the others owe nothing into
    /// <paramref name="skipped"/>, in the order the explanation lists them.
    /// </summary>
    private void WalkObligations(AgreementAtEvent ctx, Provision p, List<Pair>? pairs, List<Explanation>? skipped)
    {
        var e = ctx.Event;
        foreach (var o in p.Obligations)
        {
            var oSrc = skipped is null ? null : ExplanationSource.Of(ctx.Agreement, p, o.Position);
            IReadOnlyList<int> beneficiaries = o.Beneficiary.Kind switch
            {
                SelectorKind.Target => ctx.Scene.TargetOnly,
                SelectorKind.States => o.Beneficiary.States,
                _ => [],
            };
            if (o.Obligor.Kind == SelectorKind.Organization)
            {
                WalkOrganization(ctx, p, o, beneficiaries, pairs, skipped, oSrc);
                continue;
            }
            var obligors = ctx.Obligors(o.Obligor);
            // Reasons that do not depend on the beneficiary are worded once per obligor, not once per beneficiary.
            var worded = skipped is null ? null : new HashSet<int>();
            foreach (var beneficiary in beneficiaries)
            {
                foreach (var (obligor, role) in obligors)
                {
                    if (obligor == e.Attacker.Cow)
                    {
                        if (worded?.Add(obligor) == true)
                            skipped!.Add(Explanation.Leaf($"{Name(obligor)} is the attacker and owes nothing against itself", false, oSrc));
                        continue;
                    }
                    if (o.Obligor.Kind == SelectorKind.States && !ctx.IsParty(obligor))
                    {
                        if (worded?.Add(obligor) == true)
                            skipped!.Add(Explanation.Leaf($"{Name(obligor)} is not a party on {ctx.Day:yyyy-MM-dd}", false, oSrc));
                        continue;
                    }
                    if (obligor == beneficiary) continue;
                    if (ctx.Suspension(obligor, beneficiary) is { } sus)
                    {
                        skipped?.Add(Explanation.Leaf($"obligations between {Name(obligor)} and {Name(beneficiary)} are suspended {sus.Span}: {sus.Note}", false, oSrc));
                        continue;
                    }
                    pairs?.Add(new Pair(o, obligor, role, beneficiary));
                }
            }
        }
    }

    /// <summary>
    /// An obligation that falls on an organization (the EU's duty to consult): owed while the organization is a party
    /// of the agreement on the day; its member states owe nothing by it.
    /// </summary>
    private void WalkOrganization(AgreementAtEvent ctx, Provision p, Obligation o, IReadOnlyList<int> beneficiaries, List<Pair>? pairs,
        List<Explanation>? skipped, ExplanationSource? oSrc)
    {
        var id = o.Obligor.Organization!;
        var org = _corpus.Organization(id);
        Party? party = null;
        foreach (var x in ctx.Agreement.Parties) if (x.Organization == id && x.Span.Contains(ctx.Day)) { party = x; break; }
        if (org is null || party is null)
        {
            skipped?.Add(Explanation.Leaf($"{org?.Name ?? id} is not a party on {ctx.Day:yyyy-MM-dd}", false, oSrc));
            return;
        }
        foreach (var beneficiary in beneficiaries) pairs?.Add(new Pair(o, 0, party.Role, beneficiary, org));
    }

    private void EvaluateBreach(AgreementAtEvent ctx, Provision p, List<Breach> breached, List<NotTriggered> notTriggered)
    {
        var e = ctx.Event;
        var a = ctx.Agreement;
        // A promise only the attacker could break: one whose named promisors never include the attacker says
        // nothing about this event (ATOP codes one non-aggression provision per member).
        var concerns = false;
        foreach (var o in p.Obligations)
            if (o.Obligor.Kind != SelectorKind.States || o.Obligor.States.Contains(e.Attacker.Cow)) { concerns = true; break; }
        if (!concerns) return;
        const string prefix = "promise not broken: ";
        // The explanations capture only what they need (the what-if allocates one closure per promise it checks).
        var checks = Checks.Breach;
        if (RunChecks(checks, ctx, p, null) != CheckResult.NotMet)
        {
            breached.Add(new Breach(a, p, e.Attacker, e.Target, () =>
                new Explanation($"{ctx.Event.Attacker.Name} breaks {p.Citation} of {ctx.Agreement.Id} towards {ctx.Event.Target.Name}", CheckResult.Met,
                    ExplanationSource.Of(ctx.Agreement, p), BreachExplanations(checks, ctx, p))));
        }
        else
        {
            notTriggered.Add(new NotTriggered(a, p, prefix, () =>
                new Explanation($"{p.Citation} of {ctx.Agreement.Id} is broken by the event", CheckResult.NotMet, ExplanationSource.Of(ctx.Agreement, p),
                    BreachExplanations(checks, ctx, p))));
        }
    }

    private static List<Explanation> BreachExplanations(ClauseCheck[] checks, AgreementAtEvent ctx, Provision p)
    {
        var words = new List<Explanation>();
        RunChecks(checks, ctx, p, words, ExplanationSource.Of(ctx.Agreement, p));
        return words;
    }

    /// <summary>The last day of hostilities of a conflict under the assumptions (null: ongoing).</summary>
    public static DateOnly? LastDayOfHostilities(Conflict c, Assumptions assumptions)
    {
        DateOnly? end = c.Span.To;
        foreach (var cf in assumptions.Ceasefires.Where(x => x.Conflict is null || x.Conflict == c.Id))
        {
            var last = cf.From.AddDays(-1);
            if (c.Span.From is { } start && last < start) continue;
            if (end is null || last < end) end = last;
        }
        return end;
    }
}
