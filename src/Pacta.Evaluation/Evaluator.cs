using Pacta.Domain;

namespace Pacta.Evaluation;

/// <summary>
/// Decides, for an event, which provisions of which agreements are triggered and for whom, which promises
/// the event breaks, and why every other provision of the agreements involved is not triggered. Pure: the
/// corpus and the event are the only inputs; there is no clock.
/// </summary>
public sealed class Evaluator
{
    private readonly Corpus _corpus;
    private readonly Dictionary<int, List<Agreement>> _involving = new();
    private readonly HashSet<string> _represented = new(StringComparer.Ordinal);

    public Evaluator(Corpus corpus)
    {
        _corpus = corpus;
        // An imported ATOP alliance that a hand-encoded agreement declares "same-as" is evaluated only once,
        // through the hand-encoded file.
        foreach (var a in corpus.Agreements.Where(a => a.Origin != "atop"))
            foreach (var r in a.Related.Where(r => r.Relation == "same-as")) _represented.Add(r.Agreement);
        foreach (var a in corpus.Agreements)
        {
            if (_represented.Contains(a.Id)) continue;
            foreach (var s in corpus.EverParties(a).Distinct())
            {
                if (!_involving.TryGetValue(s, out var list)) _involving[s] = list = [];
                list.Add(a);
            }
        }
    }

    public Corpus Corpus => _corpus;

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

    public Outcome Evaluate(Event e, Assumptions assumptions)
    {
        var triggered = new List<TriggeredObligation>();
        var breached = new List<Breach>();
        var notTriggered = new List<NotTriggered>();
        foreach (var a in Involving(e.Attacker.Cow, e.Target.Cow, assumptions).OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var ctx = new AgreementContext(this, a, e, assumptions);
            foreach (var p in a.Provisions)
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
        var src = ExplanationSource.Of(ctx.Agreement, p, t.Position);
        var inForce = ctx.InForceCheck(p);
        var title = $"{p.Citation} of {ctx.Agreement.Id} is triggered";
        if (inForce.Result == CheckResult.NotMet)
        {
            // Nothing else matters for an agreement not in force; skipping the other checks keeps the hundreds
            // of historical ATOP provisions cheap.
            notTriggered.Add(new NotTriggered(ctx.Agreement, p, inForce.Check, new Explanation(title, CheckResult.NotMet, ExplanationSource.Of(ctx.Agreement, p), [inForce])));
            return;
        }
        var checks = new List<Explanation> { inForce };
        checks.Add(KindCheck(ctx.Event, t.Kinds, src));
        checks.Add(ctx.TargetCheck(t.Target, src));
        checks.Add(ctx.AttackerCheck(t.Attacker, src));
        checks.Add(ScopeCheck(ctx, t.Scope, src));
        if (t.AfterHostilities is { } conflictId) checks.Add(HostilitiesCheck(ctx, conflictId, src));

        if (checks.Any(c => c.Result == CheckResult.NotMet))
        {
            var tree = new Explanation(title, CheckResult.NotMet, ExplanationSource.Of(ctx.Agreement, p), checks);
            notTriggered.Add(new NotTriggered(ctx.Agreement, p, tree.FirstNotMet()!.Check, tree));
            return;
        }

        var any = false;
        var skipped = new List<Explanation>();
        foreach (var o in p.Obligations)
        {
            var oSrc = ExplanationSource.Of(ctx.Agreement, p, o.Position);
            foreach (var beneficiary in Beneficiaries(o.Beneficiary, ctx.Event))
            {
                foreach (var (obligor, role) in ctx.Obligors(o.Obligor, skipped, oSrc))
                {
                    if (obligor == beneficiary) continue;
                    if (ctx.Suspension(obligor, beneficiary) is { } sus)
                    {
                        skipped.Add(Explanation.Leaf($"obligations between {Name(obligor)} and {Name(beneficiary)} are suspended {sus.Span}: {sus.Note}", false, oSrc));
                        continue;
                    }
                    var conditions = p.Conditions.Concat(o.Conditions).ToList();
                    var children = new List<Explanation>(checks)
                    {
                        Explanation.Leaf($"{Name(obligor)} is a party with role {Words.Of(role)} on {ctx.Day:yyyy-MM-dd}", true, oSrc),
                    };
                    children.AddRange(conditions.Select(c => Explanation.Leaf(
                        $"condition ({Words.Of(c.Kind)}): {c.Text}{(c.States.Count > 0 ? $" [concerns {string.Join(", ", c.States.Select(Name))}]" : "")}",
                        CheckResult.Unknown, oSrc)));
                    DateTimeOffset? deadline = o.Deadline?.AddTo(ctx.Event.Instant);
                    if (o.Deadline is { } d)
                        children.Add(Explanation.Leaf(
                            $"deadline {d}{(o.Firmness == DeadlineFirmness.WherePossible ? " where possible" : "")} from the event: {deadline:yyyy-MM-ddTHH:mm:ssZ}", true, oSrc));
                    var tree = new Explanation($"{p.Citation} of {ctx.Agreement.Id}: {Name(obligor)} owes {Name(beneficiary)} — {o.Action}",
                        CheckResult.Met, oSrc, children);
                    triggered.Add(new TriggeredObligation(ctx.Agreement, p, o, StateOf(obligor), StateOf(beneficiary), deadline, ctx.Hypothetical, conditions, tree));
                    any = true;
                }
            }
        }
        if (!any)
        {
            var reason = skipped.Count > 0 ? skipped[0].Check : "no obligor is a party on that day";
            var tree = new Explanation(title, CheckResult.NotMet, ExplanationSource.Of(ctx.Agreement, p),
                [.. checks, .. skipped.Count > 0 ? skipped : [Explanation.Leaf(reason, false, src)]]);
            notTriggered.Add(new NotTriggered(ctx.Agreement, p, reason, tree));
        }
    }

    private static IEnumerable<int> Beneficiaries(Selector s, Event e) => s.Kind switch
    {
        "target" => [e.Target.Cow],
        "states" => s.States,
        _ => [],
    };

    private void EvaluateBreach(AgreementContext ctx, Provision p, List<Breach> breached, List<NotTriggered> notTriggered)
    {
        var src = ExplanationSource.Of(ctx.Agreement, p);
        var e = ctx.Event;
        // A promise only the attacker could break: one whose named promisors never include the attacker says
        // nothing about this event (ATOP codes one non-aggression provision per member).
        if (p.Obligations.All(o => o.Obligor.Kind == "states" && !o.Obligor.States.Contains(e.Attacker.Cow))) return;
        var inForce = ctx.InForceCheck(p);
        if (inForce.Result == CheckResult.NotMet)
        {
            notTriggered.Add(new NotTriggered(ctx.Agreement, p, "promise not broken: " + inForce.Check,
                new Explanation($"{p.Citation} of {ctx.Agreement.Id} is broken by the event", CheckResult.NotMet, src, [inForce])));
            return;
        }
        var checks = new List<Explanation> { inForce };
        var kindOk = p.BreachedBy.Any(k => TriggerKinds.Implies(e.Kind, k));
        checks.Add(Explanation.Leaf(kindOk
            ? $"an event of kind {Words.Of(e.Kind)} breaks this promise ({string.Join(", ", p.BreachedBy.Select(Words.Of))})"
            : $"needs {string.Join(" or ", p.BreachedBy.Select(Words.Of))}; the event is {Words.Of(e.Kind)}", kindOk, src));
        var promisors = p.Obligations.Where(o => ctx.Covers(o.Obligor, e.Attacker.Cow)).ToList();
        checks.Add(Explanation.Leaf(promisors.Count > 0
            ? $"{e.Attacker.Name} made this promise and is a party on {ctx.Day:yyyy-MM-dd}"
            : $"{e.Attacker.Name} did not make this promise (or is not a party on {ctx.Day:yyyy-MM-dd})", promisors.Count > 0, src));
        var toTarget = promisors.Any(o => o.Beneficiary.Kind == "states" && o.Beneficiary.States.Contains(e.Target.Cow));
        checks.Add(Explanation.Leaf(toTarget
            ? $"the promise is owed to {e.Target.Name}"
            : $"the promise is not owed to {e.Target.Name}", toTarget, src));
        if (checks.All(c => c.Result != CheckResult.NotMet))
        {
            var tree = new Explanation($"{e.Attacker.Name} breaks {p.Citation} of {ctx.Agreement.Id} towards {e.Target.Name}", CheckResult.Met, src, checks);
            breached.Add(new Breach(ctx.Agreement, p, e.Attacker, e.Target, tree));
        }
        else
        {
            var tree = new Explanation($"{p.Citation} of {ctx.Agreement.Id} is broken by the event", CheckResult.NotMet, src, checks);
            notTriggered.Add(new NotTriggered(ctx.Agreement, p, "promise not broken: " + tree.FirstNotMet()!.Check, tree));
        }
    }

    private static Explanation KindCheck(Event e, IReadOnlyList<TriggerKind> kinds, ExplanationSource src)
    {
        var ok = kinds.Any(k => TriggerKinds.Implies(e.Kind, k));
        var wanted = string.Join(" or ", kinds.Select(Words.Of));
        if (ok) return Explanation.Leaf($"the event ({Words.Of(e.Kind)}) matches the trigger ({wanted})", true, src);
        var why = kinds.All(k => k == TriggerKind.AggressionWithNuclearWeapons) ? "needs nuclear use: " : "";
        return Explanation.Leaf($"{why}the trigger needs {wanted}; the event is {Words.Of(e.Kind)}", false, src);
    }

    private Explanation ScopeCheck(AgreementContext ctx, Scope scope, ExplanationSource src)
    {
        var loc = ctx.Event.Location;
        var locations = _corpus.Locations;
        var children = new List<Explanation>();
        var where = $"{loc.Name} ({loc.Code})";
        if (scope.Include.Count > 0)
        {
            var hit = scope.Include.FirstOrDefault(i => locations.Matches(loc, i));
            children.Add(Explanation.Leaf(hit is not null
                ? $"{where} lies in {Describe(hit)}"
                : $"location outside scope: {where} is not in {string.Join(", ", scope.Include.Select(Describe))}", hit is not null, src));
        }
        var excluded = scope.Exclude.FirstOrDefault(x => locations.Matches(loc, x));
        if (scope.Exclude.Count > 0)
            children.Add(Explanation.Leaf(excluded is null
                ? $"{where} is not excluded ({string.Join(", ", scope.Exclude.Select(Describe))})"
                : $"location outside scope: {where} is excluded ({Describe(excluded)})", excluded is null, src));
        // Today's sovereign, unless the location names its holder (a historic state's home) or belonged to
        // another state on the day (divided Germany, the USSR …: data/locations/sovereignty.csv).
        var historical = loc.SovereignCow is null ? locations.HistoricalHolders(loc, ctx.Day) : null;
        var sovereign = loc.SovereignCow is { } holder ? _corpus.States.ByCow(holder)
            : historical is { Count: > 0 } ? _corpus.States.ByCow(historical.Contains(ctx.Event.Target.Cow) ? ctx.Event.Target.Cow : historical[0])
            : _corpus.States.ByIso2(loc.Sovereign);
        switch (scope.Territory)
        {
            case "target":
                var own = sovereign?.Cow == ctx.Event.Target.Cow;
                children.Add(Explanation.Leaf(own
                    ? $"{where} is territory of {ctx.Event.Target.Name}"
                    : $"location outside scope: {where} is not territory of {ctx.Event.Target.Name}{(sovereign is null ? "" : $" (it belongs to {sovereign.Name})")}", own, src));
                break;
            case "any-party":
                var party = historical is { Count: > 0 } ? historical.Any(ctx.IsParty) : sovereign is not null && ctx.IsParty(sovereign.Cow);
                children.Add(Explanation.Leaf(party
                    ? $"{where} is territory of a party ({sovereign?.Name})"
                    : $"location outside scope: {where} is not territory of a party", party, src));
                break;
        }
        var met = children.All(c => c.Result != CheckResult.NotMet);
        var note = scope.Note is { } n ? $" ({n})" : "";
        return new Explanation($"the location {where} is within the scope{note}", met ? CheckResult.Met : CheckResult.NotMet, src, children);
    }

    private string Describe(string item) =>
        item.StartsWith("region:", StringComparison.Ordinal)
            ? (_corpus.Locations.FindRegion(item[7..]) is { } r ? $"{r.Name} ({item})" : item)
            : (_corpus.Locations.Find(item) is { } l ? $"{l.Name} ({l.Code})" : item);

    private Explanation HostilitiesCheck(AgreementContext ctx, string conflictId, ExplanationSource src)
    {
        var c = _corpus.Conflict(conflictId);
        if (c is null) return Explanation.Leaf($"unknown conflict {conflictId}", CheckResult.Unknown, src);
        var lastDay = LastDayOfHostilities(c, ctx.Assumptions);
        var assumed = lastDay != c.Span.To;
        if (lastDay is { } end && end < ctx.Day)
            return Explanation.Leaf($"needs hostilities ended: {c.Name} ({c.Id}) ended on {end:yyyy-MM-dd}{(assumed ? " (assumed ceasefire)" : "")}, before the event", true, src);
        var since = c.Span.From is { } f ? $" since {f:yyyy-MM-dd}" : "";
        return Explanation.Leaf(
            $"needs hostilities ended: {c.Name} ({c.Id}) is ongoing on {ctx.Day:yyyy-MM-dd}{since}" +
            (lastDay is null ? " (assume a ceasefire with --assume-ceasefire)" : $" (ends {lastDay:yyyy-MM-dd})"), false, src);
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

    /// <summary>Per-agreement facts for one event: in force, the parties on the day (with assumed members).</summary>
    private sealed class AgreementContext
    {
        private readonly Evaluator _ev;
        private readonly List<(int State, PartyRole Role, Party? Party)> _parties;

        public AgreementContext(Evaluator ev, Agreement a, Event e, Assumptions assumptions)
        {
            _ev = ev;
            Agreement = a;
            Event = e;
            Assumptions = assumptions;
            Adoption = assumptions.Adopted.FirstOrDefault(x => x.Agreement == a.Id);
            Hypothetical = Adoption is not null && !a.InForceOn(e.Date);
            _parties = ev._corpus.PartiesOn(a, e.Date).Select(p => (p.State, p.Role, (Party?)p.Party)).ToList();
            foreach (var m in assumptions.Members)
            {
                var applies = m.AgreementOrOrganization == a.Id || a.Parties.Any(p => p.Organization == m.AgreementOrOrganization);
                if (applies && (m.From is null || m.From <= e.Date) && !_parties.Any(p => p.State == m.State))
                    _parties.Add((m.State, PartyRole.Member, null));
            }
        }

        public Agreement Agreement { get; }
        public Event Event { get; }
        public Assumptions Assumptions { get; }
        public AssumedAdoption? Adoption { get; }
        public bool Hypothetical { get; }
        public DateOnly Day => Event.Date;

        public bool IsParty(int cow) => _parties.Any(p => p.State == cow);

        private string Name(int cow) => _ev.Name(cow);

        public Explanation InForceCheck(Provision p)
        {
            var a = Agreement;
            var src = ExplanationSource.Of(a, p, a.Position);
            if (a.InForceOn(Day))
            {
                var note = a.Origin == "atop" && Day.Year > 2018 ? " (ATOP's coverage ends in 2018; assumed still in force)" : "";
                return Explanation.Leaf($"{a.Id} is in force on {Day:yyyy-MM-dd} ({a.InForce}){note}", true, src);
            }
            if (Adoption is { } ad)
            {
                var from = ad.From ?? a.Dates.Signed;
                var ok = from is null || from <= Day;
                return Explanation.Leaf(ok
                    ? $"{a.Id} is not in force ({Words.Of(a.Status)}) but assumed adopted from {(from is null ? "the start" : from.Value.ToString("yyyy-MM-dd"))} (hypothetical)"
                    : $"not in force: {a.Id} is assumed adopted only from {from:yyyy-MM-dd}", ok, src);
            }
            string why;
            if (a.Dates.InForceOn is null) why = $"not in force: {a.Id} never entered into force (status {Words.Of(a.Status)}); evaluate it with --assume-adopted";
            else if (Day < a.Dates.InForceOn) why = $"not in force: {a.Id} enters into force on {a.Dates.InForceOn:yyyy-MM-dd}";
            else why = $"not in force: {a.Id} ended on {a.Dates.LastDay:yyyy-MM-dd}{(a.Dates.EndsReason is { } r ? $" ({r})" : "")}";
            return Explanation.Leaf(why, false, src);
        }

        public Explanation TargetCheck(Selector s, ExplanationSource src)
        {
            var t = Event.Target;
            switch (s.Kind)
            {
                case "any-member":
                    if (IsParty(t.Cow)) return Explanation.Leaf($"{t.Name} is a party on {Day:yyyy-MM-dd}{AssumedNote(t.Cow)}", true, src);
                    return Explanation.Leaf($"target not a member on that date: {t.Name} is not a party on {Day:yyyy-MM-dd}{NextEntry(t.Cow)}", false, src);
                case "states":
                    var named = s.States.Contains(t.Cow);
                    return Explanation.Leaf(named
                        ? $"{t.Name} is the state the trigger protects"
                        : $"wrong target: the trigger protects {string.Join(", ", s.States.Select(Name))}, not {t.Name}", named, src);
                case "role":
                    var hasRole = _parties.Any(p => p.State == t.Cow && p.Role == s.Role);
                    return Explanation.Leaf(hasRole
                        ? $"{t.Name} is a party with role {Words.Of(s.Role!.Value)} on {Day:yyyy-MM-dd}"
                        : $"target not a member on that date: {t.Name} is not a party with role {Words.Of(s.Role!.Value)} on {Day:yyyy-MM-dd}", hasRole, src);
                default:
                    return Explanation.Leaf($"target selector {s.Kind}", CheckResult.Unknown, src);
            }
        }

        public Explanation AttackerCheck(Selector s, ExplanationSource src)
        {
            var at = Event.Attacker;
            switch (s.Kind)
            {
                case "anyone":
                    return Explanation.Leaf($"an attack by anyone counts ({at.Name})", true, src);
                case "non-party":
                    var outside = !IsParty(at.Cow);
                    return Explanation.Leaf(outside
                        ? $"{at.Name} is not a party, as the trigger requires"
                        : $"wrong attacker: {at.Name} is itself a party; the trigger covers attacks by non-parties", outside, src);
                case "states":
                    var named = s.States.Contains(at.Cow);
                    return Explanation.Leaf(named
                        ? $"{at.Name} is the attacker the trigger names"
                        : $"wrong attacker: the trigger names {string.Join(", ", s.States.Select(Name))}, not {at.Name}", named, src);
                default:
                    return Explanation.Leaf($"attacker selector {s.Kind}", CheckResult.Unknown, src);
            }
        }

        private string AssumedNote(int cow) =>
            _parties.Any(p => p.State == cow && p.Party is null) ? " (assumed member)" : "";

        /// <summary>", joins on D" when the state becomes a party later — the usual reason for "not yet a member".</summary>
        private string NextEntry(int cow)
        {
            DateOnly? next = null;
            foreach (var p in Agreement.Parties)
            {
                IEnumerable<DateSpan> spans = p.State == cow ? [p.Span]
                    : p.Organization is { } o && _ev._corpus.Organization(o) is { } org ? org.Members.Where(m => m.State == cow).Select(m => m.Span) : [];
                foreach (var sp in spans)
                    if (sp.From is { } f && f > Day && (next is null || f < next)) next = f;
            }
            return next is { } n ? $" (becomes a party on {n:yyyy-MM-dd})" : "";
        }

        /// <summary>True when the selector, evaluated on the day, includes <paramref name="cow"/> as obligor.</summary>
        public bool Covers(Selector s, int cow) => s.Kind switch
        {
            "states" => s.States.Contains(cow) && IsParty(cow),
            "role" => _parties.Any(p => p.State == cow && p.Role == s.Role),
            "other-parties" or "any-member" => IsParty(cow),
            _ => false,
        };

        public IEnumerable<(int State, PartyRole Role)> Obligors(Selector s, List<Explanation> skipped, ExplanationSource src)
        {
            var t = Event.Target.Cow;
            var a = Event.Attacker.Cow;
            IEnumerable<(int, PartyRole)> pick = s.Kind switch
            {
                "other-parties" => _parties.Where(p => p.Role is PartyRole.Member or PartyRole.Guarantor).Select(p => (p.State, p.Role)),
                "role" => _parties.Where(p => p.Role == s.Role).Select(p => (p.State, p.Role)),
                "states" => s.States.Select(x => (x, _parties.FirstOrDefault(p => p.State == x).Role)),
                _ => [],
            };
            var seen = new HashSet<int>();
            foreach (var (state, role) in pick)
            {
                if (!seen.Add(state) || state == t) continue;
                if (state == a)
                {
                    skipped.Add(Explanation.Leaf($"{Name(state)} is the attacker and owes nothing against itself", false, src));
                    continue;
                }
                if (s.Kind == "states" && !IsParty(state))
                {
                    skipped.Add(Explanation.Leaf($"{Name(state)} is not a party on {Day:yyyy-MM-dd}", false, src));
                    continue;
                }
                yield return (state, role);
            }
        }

        public Suspension? Suspension(int obligor, int beneficiary)
        {
            foreach (var (state, _, party) in _parties)
            {
                if (party is null || (state != obligor && state != beneficiary)) continue;
                var other = state == obligor ? beneficiary : obligor;
                var s = party.Suspensions.FirstOrDefault(x => x.Span.Contains(Day) && (x.Counterparts.Count == 0 || x.Counterparts.Contains(other)));
                if (s is not null) return s;
            }
            return null;
        }
    }
}
