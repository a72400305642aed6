using Pacta.Domain;

namespace Pacta.Evaluation;

/// <summary>
/// Decides, for an event, which provisions of which agreements are triggered and for whom, which promises
/// the event breaks, and why every other provision of the agreements involved is not triggered. Pure: the
/// corpus and the event are the only inputs; there is no clock.
/// </summary>
/// <remarks>
/// Each check is one method that both decides and, when given a source, words its explanation, so the decision
/// and the explanation cannot disagree. <see cref="Evaluate"/> runs the checks without wording them; the
/// explanation trees (and the reasons of provisions not triggered) are worded when first read.
/// </remarks>
public sealed class Evaluator
{
    private readonly Corpus _corpus;
    private readonly Dictionary<int, List<Agreement>> _involving = new();

    // The same selection by position in Corpus.Agreements, which is sorted by id: marking positions and
    // reading them in order yields the agreements in id order without sorting strings per event.
    private readonly AgreementTerms[] _terms;
    private readonly int[] _handEncoded;
    private readonly Dictionary<int, int[]> _involvingAt = new();

    /// <summary>
    /// An evaluator over <paramref name="corpus"/>. Who is bound is decided by <paramref name="bound"/>: by default a
    /// resolver over the same corpus; an evaluator over part of a corpus (the cascade's per-victim evaluators) passes
    /// the whole corpus's, so that successors and same-as files outside the part still count.
    /// </summary>
    public Evaluator(Corpus corpus, BoundParties? bound = null)
    {
        _corpus = corpus;
        Bound = bound ?? corpus.Bound;
        var at = new Dictionary<int, List<int>>();
        var handEncoded = new List<int>();
        _terms = new AgreementTerms[corpus.Agreements.Count];
        for (var i = 0; i < corpus.Agreements.Count; i++)
        {
            var a = corpus.Agreements[i];
            _terms[i] = Bound.Terms(a);
            if (a.Origin != "atop") handEncoded.Add(i);
            // An imported ATOP alliance that a hand-encoded agreement declares "same-as" is evaluated only once,
            // through the hand-encoded file.
            if (_terms[i].Represented) continue;
            foreach (var s in Bound.EverParties(a))
            {
                if (!_involving.TryGetValue(s, out var list)) _involving[s] = list = [];
                list.Add(a);
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

    /// <summary>
    /// The agreements the evaluator considers for an event: every hand-encoded agreement (so "why does Art. 5
    /// not apply to Ukraine?" has an answer), and the imported ATOP alliances that involve the attacker or the
    /// target, plus those named in assumptions.
    /// </summary>
    public IEnumerable<Agreement> Involving(int attacker, int target, Assumptions assumptions)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in _corpus.Agreements.Where(a => a.Origin != "atop"))
            if (ids.Add(a.Id)) yield return a;
        foreach (var s in new[] { target, attacker })
            foreach (var a in _involving.GetValueOrDefault(s) ?? []) if (ids.Add(a.Id)) yield return a;
        foreach (var m in assumptions.Members.Where(m => m.State == target || m.State == attacker))
        {
            foreach (var a in _corpus.Agreements.Where(a => a.Id == m.AgreementOrOrganization || a.Parties.Any(p => p.Organization == m.AgreementOrOrganization)))
                if (ids.Add(a.Id)) yield return a;
        }
        foreach (var ad in assumptions.Adopted)
            if (_corpus.Agreement(ad.Agreement) is { } a && ids.Add(a.Id)) yield return a;
    }

    /// <summary>The same agreements as <see cref="Involving"/>, as positions in <see cref="Corpus.Agreements"/>, in id order.</summary>
    private List<int> InvolvingPositions(int attacker, int target, Assumptions assumptions)
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
                    if ((m.State == target || m.State == attacker) && (a.Id == m.AgreementOrOrganization || a.Parties.Any(p => p.Organization == m.AgreementOrOrganization)))
                        marked[i] = true;
            }
        }
        var positions = new List<int>();
        for (var i = 0; i < marked.Length; i++) if (marked[i]) positions.Add(i);
        return positions;
    }

    public Outcome Evaluate(Event e, Assumptions assumptions)
    {
        var triggered = new List<TriggeredObligation>();
        var breached = new List<Breach>();
        var notTriggered = new List<NotTriggered>();
        var scene = new Scene(this, e, assumptions);
        foreach (var i in InvolvingPositions(e.Attacker.Cow, e.Target.Cow, assumptions))
        {
            var ctx = new AgreementContext(scene, _terms[i]);
            foreach (var p in ctx.Agreement.Provisions)
            {
                if (p.Trigger is not null) EvaluateTrigger(ctx, p, triggered, notTriggered);
                if (p.BreachedBy.Count > 0) EvaluateBreach(ctx, p, breached, notTriggered);
            }
        }
        return new Outcome(e, assumptions, triggered, breached, notTriggered);
    }

    private string Name(int cow) => _corpus.States.ByCow(cow)?.Name ?? $"COW {cow}";

    private State StateOf(int cow) => _corpus.States.ByCow(cow) ?? new State(cow, cow.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, $"COW {cow}", []);

    private void EvaluateTrigger(AgreementContext ctx, Provision p, List<TriggeredObligation> triggered, List<NotTriggered> notTriggered)
    {
        var t = p.Trigger!;
        var a = ctx.Agreement;
        if (!ctx.InForce)
        {
            // Nothing else matters for an agreement not in force; skipping the other checks keeps the hundreds
            // of historical ATOP provisions cheap.
            notTriggered.Add(new NotTriggered(a, p, "", () => new Explanation(TriggerTitle(ctx, p), CheckResult.NotMet, ExplanationSource.Of(a, p),
                [ctx.InForceCheck(p, explain: true).Node!])));
            return;
        }
        if (TriggerChecks(ctx, p, null) == CheckResult.NotMet)
        {
            notTriggered.Add(new NotTriggered(a, p, "", () =>
            {
                var checks = new List<Explanation>();
                TriggerChecks(ctx, p, checks);
                return new Explanation(TriggerTitle(ctx, p), CheckResult.NotMet, ExplanationSource.Of(a, p), checks);
            }));
            return;
        }

        var pairs = new List<Pair>();
        WalkObligations(ctx, p, pairs, null);
        if (pairs.Count == 0)
        {
            notTriggered.Add(new NotTriggered(a, p, "", () =>
            {
                var children = new List<Explanation>();
                TriggerChecks(ctx, p, children);
                var skipped = new List<Explanation>();
                WalkObligations(ctx, p, null, skipped);
                if (skipped.Count > 0) children.AddRange(skipped);
                else children.Add(Explanation.Leaf("no obligor is a party on that day", false, ExplanationSource.Of(a, p, t.Position)));
                return new Explanation(TriggerTitle(ctx, p), CheckResult.NotMet, ExplanationSource.Of(a, p), children);
            }));
            return;
        }

        // The checks are the same for every obligor of the provision: worded once, on the first read of any tree.
        var shared = new Deferred<List<Explanation>>(() =>
        {
            var checks = new List<Explanation>();
            TriggerChecks(ctx, p, checks);
            return checks;
        });
        foreach (var (o, obligor, role, beneficiary) in pairs)
        {
            var conditions = Conditions(p, o);
            DateTimeOffset? deadline = o.Deadline?.AddTo(ctx.Event.Instant);
            triggered.Add(new TriggeredObligation(a, p, o, StateOf(obligor), StateOf(beneficiary), deadline, ctx.Hypothetical, conditions,
                () => ObligationTree(ctx, p, o, obligor, role, beneficiary, conditions, deadline, shared.Value)));
        }
    }

    /// <summary>A deadline as text; one past the calendar's end (saturated) reads "beyond 9999-12-31".</summary>
    public static string DeadlineText(DateTimeOffset? deadline) =>
        deadline == DateTimeOffset.MaxValue ? "beyond 9999-12-31" : $"{deadline:yyyy-MM-ddTHH:mm:ssZ}";

    private string TriggerTitle(AgreementContext ctx, Provision p) => $"{p.Citation} of {ctx.Agreement.Id} is triggered";

    private static IReadOnlyList<Condition> Conditions(Provision p, Obligation o) =>
        p.Conditions.Count == 0 ? o.Conditions : o.Conditions.Count == 0 ? p.Conditions : [.. p.Conditions, .. o.Conditions];

    private Explanation ObligationTree(AgreementContext ctx, Provision p, Obligation o, int obligor, PartyRole role, int beneficiary,
        IReadOnlyList<Condition> conditions, DateTimeOffset? deadline, List<Explanation> checks)
    {
        var oSrc = ExplanationSource.Of(ctx.Agreement, p, o.Position);
        var children = new List<Explanation>(checks.Count + conditions.Count + 2);
        children.AddRange(checks);
        children.Add(Explanation.Leaf($"{Name(obligor)} is a party with role {WordCache.Of(role)} on {ctx.Day:yyyy-MM-dd}", true, oSrc));
        foreach (var c in conditions)
            children.Add(Explanation.Leaf(
                $"condition ({WordCache.Of(c.Kind)}): {c.Text}{(c.States.Count > 0 ? $" [concerns {string.Join(", ", c.States.Select(Name))}]" : "")}",
                CheckResult.Unknown, oSrc));
        if (o.Deadline is { } d)
            children.Add(Explanation.Leaf(
                $"deadline {d}{(o.Firmness == DeadlineFirmness.WherePossible ? " where possible" : "")} from the event: {DeadlineText(deadline)}", true, oSrc));
        return new Explanation($"{p.Citation} of {ctx.Agreement.Id}: {Name(obligor)} owes {Name(beneficiary)} — {o.Action}", CheckResult.Met, oSrc, children);
    }

    /// <summary>
    /// The checks of a trigger in order: in force, kind, target, attacker, scope, and hostilities where the
    /// trigger waits for them. Without <paramref name="explain"/> it stops at the first check not met; with it,
    /// every check is worded into the list.
    /// </summary>
    private CheckResult TriggerChecks(AgreementContext ctx, Provision p, List<Explanation>? explain)
    {
        var t = p.Trigger!;
        var src = explain is null ? null : ExplanationSource.Of(ctx.Agreement, p, t.Position);
        var any = false;
        for (var step = 0; step < 6; step++)
        {
            var c = step switch
            {
                0 => ctx.InForceCheck(p, explain is not null),
                1 => KindCheck(ctx.Event, t.Kinds, src),
                2 => ctx.TargetCheck(t.Target, src),
                3 => ctx.AttackerCheck(t.Attacker, src),
                4 => ScopeCheck(ctx, t.Scope, src),
                _ => t.AfterHostilities is { } conflictId ? HostilitiesCheck(ctx, conflictId, src) : Check.Skip,
            };
            if (c.Result is null) continue;
            if (explain is not null) explain.Add(c.Node!);
            if (c.Result == CheckResult.NotMet)
            {
                any = true;
                if (explain is null) break;
            }
        }
        return any ? CheckResult.NotMet : CheckResult.Met;
    }

    /// <summary>One obligor owing one beneficiary under one obligation.</summary>
    private readonly record struct Pair(Obligation Obligation, int Obligor, PartyRole Role, int Beneficiary);

    /// <summary>
    /// Every obligation of a provision, for every beneficiary and obligor: collects the pairs that owe
    /// something into <paramref name="pairs"/> and, when asked, words why the others owe nothing into
    /// <paramref name="skipped"/>, in the order the explanation lists them.
    /// </summary>
    private void WalkObligations(AgreementContext ctx, Provision p, List<Pair>? pairs, List<Explanation>? skipped)
    {
        var e = ctx.Event;
        foreach (var o in p.Obligations)
        {
            var oSrc = skipped is null ? null : ExplanationSource.Of(ctx.Agreement, p, o.Position);
            IReadOnlyList<int> beneficiaries = o.Beneficiary.Kind switch
            {
                "target" => ctx.Scene.TargetOnly,
                "states" => o.Beneficiary.States,
                _ => [],
            };
            var obligors = ctx.Obligors(o.Obligor);
            foreach (var beneficiary in beneficiaries)
            {
                foreach (var (obligor, role) in obligors)
                {
                    if (obligor == e.Attacker.Cow)
                    {
                        skipped?.Add(Explanation.Leaf($"{Name(obligor)} is the attacker and owes nothing against itself", false, oSrc));
                        continue;
                    }
                    if (o.Obligor.Kind == "states" && !ctx.IsParty(obligor))
                    {
                        skipped?.Add(Explanation.Leaf($"{Name(obligor)} is not a party on {ctx.Day:yyyy-MM-dd}", false, oSrc));
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

    private void EvaluateBreach(AgreementContext ctx, Provision p, List<Breach> breached, List<NotTriggered> notTriggered)
    {
        var e = ctx.Event;
        var a = ctx.Agreement;
        // A promise only the attacker could break: one whose named promisors never include the attacker says
        // nothing about this event (ATOP codes one non-aggression provision per member).
        var concerns = false;
        foreach (var o in p.Obligations)
            if (o.Obligor.Kind != "states" || o.Obligor.States.Contains(e.Attacker.Cow)) { concerns = true; break; }
        if (!concerns) return;
        const string prefix = "promise not broken: ";
        if (!ctx.InForce)
        {
            notTriggered.Add(new NotTriggered(a, p, prefix, () => new Explanation(BreachNotTitle(ctx, p), CheckResult.NotMet, ExplanationSource.Of(a, p),
                [ctx.InForceCheck(p, explain: true).Node!])));
            return;
        }
        if (BreachChecks(ctx, p, null) == CheckResult.Met)
        {
            breached.Add(new Breach(a, p, e.Attacker, e.Target, () =>
            {
                var checks = new List<Explanation>();
                BreachChecks(ctx, p, checks);
                return new Explanation($"{e.Attacker.Name} breaks {p.Citation} of {a.Id} towards {e.Target.Name}", CheckResult.Met, ExplanationSource.Of(a, p), checks);
            }));
        }
        else
        {
            notTriggered.Add(new NotTriggered(a, p, prefix, () =>
            {
                var checks = new List<Explanation>();
                BreachChecks(ctx, p, checks);
                return new Explanation(BreachNotTitle(ctx, p), CheckResult.NotMet, ExplanationSource.Of(a, p), checks);
            }));
        }
    }

    private static string BreachNotTitle(AgreementContext ctx, Provision p) => $"{p.Citation} of {ctx.Agreement.Id} is broken by the event";

    /// <summary>The checks of a promise the attacker may break: in force, kind, promisor, promisee (see <see cref="TriggerChecks"/>).</summary>
    private static CheckResult BreachChecks(AgreementContext ctx, Provision p, List<Explanation>? explain)
    {
        var e = ctx.Event;
        var src = explain is null ? null : ExplanationSource.Of(ctx.Agreement, p);
        var inForce = ctx.InForceCheck(p, explain is not null);
        explain?.Add(inForce.Node!);
        var met = inForce.Result != CheckResult.NotMet;

        var kindOk = false;
        foreach (var k in p.BreachedBy) if (TriggerKinds.Implies(e.Kind, k)) { kindOk = true; break; }
        explain?.Add(Explanation.Leaf(kindOk
            ? $"an event of kind {WordCache.Of(e.Kind)} breaks this promise ({string.Join(", ", p.BreachedBy.Select(WordCache.Of))})"
            : $"needs {string.Join(" or ", p.BreachedBy.Select(WordCache.Of))}; the event is {WordCache.Of(e.Kind)}", kindOk, src));

        var promised = false;
        var toTarget = false;
        foreach (var o in p.Obligations)
        {
            if (!ctx.Covers(o.Obligor, e.Attacker.Cow)) continue;
            promised = true;
            if (o.Beneficiary.Kind == "states" && o.Beneficiary.States.Contains(e.Target.Cow)) toTarget = true;
        }
        explain?.Add(Explanation.Leaf(promised
            ? $"{e.Attacker.Name} made this promise and is a party on {ctx.Day:yyyy-MM-dd}"
            : $"{e.Attacker.Name} did not make this promise (or is not a party on {ctx.Day:yyyy-MM-dd})", promised, src));
        explain?.Add(Explanation.Leaf(toTarget
            ? $"the promise is owed to {e.Target.Name}"
            : $"the promise is not owed to {e.Target.Name}", toTarget, src));
        return met && kindOk && promised && toTarget ? CheckResult.Met : CheckResult.NotMet;
    }

    private static Check KindCheck(Event e, IReadOnlyList<TriggerKind> kinds, ExplanationSource? src)
    {
        var ok = false;
        foreach (var k in kinds) if (TriggerKinds.Implies(e.Kind, k)) { ok = true; break; }
        if (src is null) return Check.Of(ok);
        var wanted = string.Join(" or ", kinds.Select(WordCache.Of));
        if (ok) return Check.Of(Explanation.Leaf($"the event ({WordCache.Of(e.Kind)}) matches the trigger ({wanted})", true, src));
        var why = kinds.All(k => k == TriggerKind.AggressionWithNuclearWeapons) ? "needs nuclear use: " : "";
        return Check.Of(Explanation.Leaf($"{why}the trigger needs {wanted}; the event is {WordCache.Of(e.Kind)}", false, src));
    }

    private Check ScopeCheck(AgreementContext ctx, Scope scope, ExplanationSource? src)
    {
        var scene = ctx.Scene;
        var loc = ctx.Event.Location;
        var locations = _corpus.Locations;
        var children = src is null ? null : new List<Explanation>();
        var met = true;
        var where = src is null ? "" : $"{loc.Name} ({loc.Code})";
        if (scope.Include.Count > 0)
        {
            string? hit = null;
            foreach (var i in scope.Include) if (locations.Matches(loc, i)) { hit = i; break; }
            met &= hit is not null;
            children?.Add(Explanation.Leaf(hit is not null
                ? $"{where} lies in {Describe(hit)}"
                : $"location outside scope: {where} is not in {string.Join(", ", scope.Include.Select(Describe))}", hit is not null, src));
        }
        if (scope.Exclude.Count > 0)
        {
            string? excluded = null;
            foreach (var x in scope.Exclude) if (locations.Matches(loc, x)) { excluded = x; break; }
            met &= excluded is null;
            children?.Add(Explanation.Leaf(excluded is null
                ? $"{where} is not excluded ({string.Join(", ", scope.Exclude.Select(Describe))})"
                : $"location outside scope: {where} is excluded ({Describe(excluded)})", excluded is null, src));
        }
        var sovereign = scene.Sovereign;
        switch (scope.Territory)
        {
            case "target":
                var own = sovereign?.Cow == ctx.Event.Target.Cow;
                met &= own;
                children?.Add(Explanation.Leaf(own
                    ? $"{where} is territory of {ctx.Event.Target.Name}"
                    : $"location outside scope: {where} is not territory of {ctx.Event.Target.Name}{(sovereign is null ? "" : $" (it belongs to {sovereign.Name})")}", own, src));
                break;
            case "any-party":
                var historical = scene.Historical;
                var party = false;
                if (historical is { Count: > 0 })
                {
                    foreach (var h in historical) if (ctx.IsParty(h)) { party = true; break; }
                }
                else party = sovereign is not null && ctx.IsParty(sovereign.Cow);
                met &= party;
                children?.Add(Explanation.Leaf(party
                    ? $"{where} is territory of a party ({sovereign?.Name})"
                    : $"location outside scope: {where} is not territory of a party", party, src));
                break;
        }
        if (src is null) return Check.Of(met);
        var note = scope.Note is { } n ? $" ({n})" : "";
        return Check.Of(new Explanation($"the location {where} is within the scope{note}", met ? CheckResult.Met : CheckResult.NotMet, src, children!));
    }

    private string Describe(string item) =>
        item.StartsWith("region:", StringComparison.Ordinal)
            ? (_corpus.Locations.FindRegion(item[7..]) is { } r ? $"{r.Name} ({item})" : item)
            : (_corpus.Locations.Find(item) is { } l ? $"{l.Name} ({l.Code})" : item);

    private Check HostilitiesCheck(AgreementContext ctx, string conflictId, ExplanationSource? src)
    {
        var c = _corpus.Conflict(conflictId);
        if (c is null) return Check.Of(CheckResult.Unknown, src is null ? null : Explanation.Leaf($"unknown conflict {conflictId}", CheckResult.Unknown, src));
        var lastDay = LastDayOfHostilities(c, ctx.Assumptions);
        var ended = lastDay is { } end && end < ctx.Day;
        if (src is null) return Check.Of(ended);
        var assumed = lastDay != c.Span.To;
        if (ended)
            return Check.Of(Explanation.Leaf($"needs hostilities ended: {c.Name} ({c.Id}) ended on {lastDay:yyyy-MM-dd}{(assumed ? " (assumed ceasefire)" : "")}, before the event", true, src));
        var since = c.Span.From is { } f ? $" since {f:yyyy-MM-dd}" : "";
        return Check.Of(Explanation.Leaf(
            $"needs hostilities ended: {c.Name} ({c.Id}) is ongoing on {ctx.Day:yyyy-MM-dd}{since}" +
            (lastDay is null ? " (assume a ceasefire with --assume-ceasefire)" : $" (ends {lastDay:yyyy-MM-dd})"), false, src));
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

    /// <summary>
    /// The result of one check and, when it was asked to explain itself, its explanation node. A null result
    /// means the check does not apply to this provision.
    /// </summary>
    private readonly record struct Check(CheckResult? Result, Explanation? Node)
    {
        public static readonly Check Skip = new(null, null);

        public static Check Of(bool met) => new(met ? CheckResult.Met : CheckResult.NotMet, null);

        public static Check Of(CheckResult result, Explanation? node) => new(result, node);

        public static Check Of(Explanation node) => new(node.Result, node);
    }

    /// <summary>What all agreements share for one event: the location's holder on the day, the target as a list.</summary>
    private sealed class Scene
    {
        public Scene(Evaluator ev, Event e, Assumptions assumptions)
        {
            Evaluator = ev;
            Event = e;
            Assumptions = assumptions;
            TargetOnly = [e.Target.Cow];
            // Today's sovereign, unless the location names its holder (a historic state's home) or belonged to
            // another state on the day (divided Germany, the USSR …: data/locations/sovereignty.csv).
            var loc = e.Location;
            var states = ev._corpus.States;
            Historical = loc.SovereignCow is null ? ev._corpus.Locations.HistoricalHolders(loc, e.Date) : null;
            Sovereign = loc.SovereignCow is { } holder ? states.ByCow(holder)
                : Historical is { Count: > 0 } h ? states.ByCow(h.Contains(e.Target.Cow) ? e.Target.Cow : h[0])
                : states.ByIso2(loc.Sovereign);
        }

        public Evaluator Evaluator { get; }
        public Event Event { get; }
        public Assumptions Assumptions { get; }
        public int[] TargetOnly { get; }
        public IReadOnlyList<int>? Historical { get; }
        public State? Sovereign { get; }
    }

    /// <summary>
    /// Per-agreement facts for one event: the agreement on the event's day as <see cref="BoundParties"/> resolves it
    /// (in force, parties with assumed members, selectors, suspensions), and the words of those checks.
    /// </summary>
    private sealed class AgreementContext : AgreementOnDay
    {
        public AgreementContext(Scene scene, AgreementTerms terms) : base(terms, scene.Event.Date, scene.Assumptions) => Scene = scene;

        public Scene Scene { get; }
        public Event Event => Scene.Event;

        /// <summary>The states the obligor selector names, without the target (see <see cref="AgreementOnDay.Obligors"/>).</summary>
        public List<(int State, PartyRole Role)> Obligors(Selector s)
        {
            var picked = new List<(int State, PartyRole Role)>();
            Obligors(s, Event.Target.Cow, picked);
            return picked;
        }

        private string Name(int cow) => Scene.Evaluator.Name(cow);

        public Check InForceCheck(Provision p, bool explain)
        {
            if (!explain) return Check.Of(InForce);
            // The same words for every provision of the agreement (only the source differs): worded once.
            var words = _inForceWords ??= WordInForce();
            return Check.Of(Explanation.Leaf(words, InForce, ExplanationSource.Of(Agreement, p, Agreement.Position)));
        }

        private string? _inForceWords;

        /// <summary>Why the agreement is or is not in force on the day; met exactly when <see cref="InForce"/>.</summary>
        private string WordInForce()
        {
            var a = Agreement;
            var from = Adoption is { } ad ? ad.From ?? a.Dates.Signed : null;
            return Force switch
            {
                Force.InForce => $"{a.Id} is in force on {Day:yyyy-MM-dd} ({Terms.InForceSpan})",
                Force.Continued => $"{a.Id} is in force on {Day:yyyy-MM-dd} ({Terms.InForceSpan}) ({a.Origin.ToUpperInvariant()}'s coverage ends in {CoverageEnd!.Value.Year}; assumed still in force)",
                Force.Superseded => $"not in force: {a.Id} is superseded by {SupersededBy!.Id} from {SupersededFrom:yyyy-MM-dd}",
                Force.Adopted => $"{a.Id} is not in force ({WordCache.Of(a.Status)}) but assumed adopted from {(from is null ? "the start" : from.Value.ToString("yyyy-MM-dd"))} (hypothetical)",
                Force.AdoptedLater => $"not in force: {a.Id} is assumed adopted only from {from:yyyy-MM-dd}",
                Force.NeverInForce => $"not in force: {a.Id} never entered into force (status {WordCache.Of(a.Status)}); evaluate it with --assume-adopted",
                Force.NotYet => $"not in force: {a.Id} enters into force on {a.Dates.InForceOn:yyyy-MM-dd}",
                _ => $"not in force: {a.Id} ended on {a.Dates.LastDay:yyyy-MM-dd}{(a.Dates.EndsReason is { } r ? $" ({r})" : "")}",
            };
        }

        public Check TargetCheck(Selector s, ExplanationSource? src)
        {
            var t = Event.Target;
            var met = Protects(s, t.Cow);
            if (met is not { } ok)
                return Check.Of(CheckResult.Unknown, src is null ? null : Explanation.Leaf($"target selector {s.Kind}", CheckResult.Unknown, src));
            if (src is null) return Check.Of(ok);
            return Check.Of(Explanation.Leaf(s.Kind switch
            {
                "states" => ok
                    ? $"{t.Name} is the state the trigger protects"
                    : $"wrong target: the trigger protects {string.Join(", ", s.States.Select(Name))}, not {t.Name}",
                "role" => ok
                    ? $"{t.Name} is a party with role {WordCache.Of(s.Role!.Value)} on {Day:yyyy-MM-dd}"
                    : $"target not a member on that date: {t.Name} is not a party with role {WordCache.Of(s.Role!.Value)} on {Day:yyyy-MM-dd}",
                _ => ok
                    ? $"{t.Name} is a party on {Day:yyyy-MM-dd}{AssumedNote(t.Cow)}"
                    : IsParty(t.Cow)
                        ? $"target not a member on that date: {t.Name} is a party on {Day:yyyy-MM-dd} only as {WordCache.Of(RoleOf(t.Cow)!.Value)}, which {s.Kind} does not cover"
                        : $"target not a member on that date: {t.Name} is not a party on {Day:yyyy-MM-dd}{NextEntry(t.Cow)}",
            }, ok, src));
        }

        public Check AttackerCheck(Selector s, ExplanationSource? src)
        {
            var at = Event.Attacker;
            var met = Admits(s, at.Cow);
            if (met is not { } ok)
                return Check.Of(CheckResult.Unknown, src is null ? null : Explanation.Leaf($"attacker selector {s.Kind}", CheckResult.Unknown, src));
            if (src is null) return Check.Of(ok);
            return Check.Of(Explanation.Leaf(s.Kind switch
            {
                "anyone" => $"an attack by anyone counts ({at.Name})",
                "non-party" => ok
                    ? $"{at.Name} is not a party, as the trigger requires"
                    : $"wrong attacker: {at.Name} is itself a party; the trigger covers attacks by non-parties",
                _ => ok
                    ? $"{at.Name} is the attacker the trigger names"
                    : $"wrong attacker: the trigger names {string.Join(", ", s.States.Select(Name))}, not {at.Name}",
            }, ok, src));
        }

        private string AssumedNote(int cow) => IsAssumedMember(cow) ? " (assumed member)" : "";

        /// <summary>", joins on D" when the state becomes a party later — the usual reason for "not yet a member".</summary>
        private string NextEntry(int cow) =>
            Terms.NextEntry(cow, Day) is { } n ? $" (becomes a party on {n:yyyy-MM-dd})" : "";
    }
}
