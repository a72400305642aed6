using System.Globalization;
using System.Text.RegularExpressions;
using Pacta.Authoring.Diagnostics;
using Pacta.Authoring.Yaml;
using Pacta.Domain;

namespace Pacta.Authoring.Reading;

/// <summary>
/// Turns one agreement file's YAML tree into an <see cref="Agreement"/>, reporting every rule it breaks.
/// Returns null when any error was found, so a broken file never yields a half-read agreement.
/// </summary>
internal sealed partial class AgreementReader(FileContext ctx, ReferenceData refs)
{
    private static readonly string[] TopRequired = ["id", "title", "form", "status", "bindingness", "dates", "parties", "sources", "provisions"];
    private static readonly string[] TopOptional = ["short_title", "bindingness_note", "notes", "uncertain", "related", "contested"];
    private static readonly string[] DateKeys = ["signed", "in_force", "ends", "ends_reason", "duration", "notice", "termination"];
    private static readonly string[] PartyKeys = ["state", "organization", "role", "from", "to", "suspended", "note"];
    private static readonly string[] SuspensionKeys = ["from", "to", "between", "note"];
    private static readonly string[] SourceKeys = ["id", "url", "supports", "reliability"];
    private static readonly string[] ProvisionRequired = ["id", "citation", "kind", "summary", "sources"];
    private static readonly string[] ProvisionOptional = ["quote", "trigger", "obligations", "conditions", "breached_by", "uncertain", "contested"];
    private static readonly string[] TriggerRequired = ["kinds", "target", "attacker"];
    private static readonly string[] TriggerOptional = ["scope", "after_hostilities", "threshold", "void_if"];
    private static readonly string[] ThresholdKeys = ["all_of", "quote"];
    private static readonly string[] VoidIfKeys = ["attribute", "text"];
    private static readonly string[] ScopeKeys = ["include", "exclude", "territory", "note"];
    private static readonly string[] ObligationRequired = ["obligor", "beneficiary", "action", "strength"];
    private static readonly string[] ObligationOptional = ["assistance", "deadline", "firmness", "timing", "amounts", "conditions"];
    private static readonly string[] AmountKeys = ["amount", "currency", "year", "basis", "percent_of_gdp", "note"];
    private static readonly string[] ConditionKeys = ["kind", "text", "states"];
    private static readonly string[] RelationKeys = ["agreement", "relation"];

    [GeneratedRegex(@"^\d{4}(-\d{4})?$")]
    private static partial Regex YearPattern();

    /// <summary>Every selector keyword; one used where it does not belong is a bad-selector error.</summary>
    private static readonly string[] SelectorKeywords = [.. Vocabulary.SelectorKinds.Keywords.Select(Words.Of)];

    private readonly HashSet<int> _partyStates = [];
    private readonly HashSet<string> _sourceIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _partyOrganizations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _clauseIds = new(StringComparer.Ordinal);
    private readonly List<ContestedClause> _contested = [];

    public Agreement? Read(YamlMapping root, string expectedId)
    {
        var before = ctx.Diagnostics.Count;
        var top = new MapReader(ctx, root, "agreement", TopRequired, TopOptional);

        var id = ReadId(top, expectedId);
        var title = top.String("title", required: true) ?? "";
        var form = top.Enum<AgreementForm>("form", ErrorCodes.UnknownForm);
        var status = top.Enum<AgreementStatus>("status", ErrorCodes.UnknownStatus);
        var bindingness = top.Enum<Bindingness>("bindingness", ErrorCodes.UnknownBindingness);
        var dates = ReadDates(top.Mapping("dates"), status, top["dates"] ?? root);
        var parties = ReadParties(top, dates);
        var sources = SourceListReader.Read(ctx, top, "sources", _sourceIds);
        var provisions = ReadProvisions(top, root);
        var related = ReadRelated(top);
        _contested.InsertRange(0, ReadContested(top, null, _clauseIds));

        if (ctx.Diagnostics.Count > before) return null;
        var agreement = new Agreement(
            id!, title, form!.Value, status!.Value, bindingness!.Value, top.String("bindingness_note"),
            dates!, parties, sources, provisions, top.Strings("notes"), top.Strings("uncertain"), AgreementOrigin.Pacta, ctx.At(root))
        {
            Related = related,
            ShortTitle = top.String("short_title"),
            Contested = [.. _contested],
        };
        // The agreement as read stands under the default readings.
        return _contested.Count == 0 ? agreement : ReadingChoices.Rewrite(agreement, [.. _contested.Select(c => new AppliedReading(c, c.Default))]);
    }

    private string? ReadId(MapReader top, string expectedId)
    {
        var idNode = top.Required("id");
        if (idNode is null) return null;
        if (!Ids.IsId(idNode.Value))
        {
            ctx.Error(idNode, ErrorCodes.BadId, $"id '{idNode.Value}' must be lower-case words joined by '-' (e.g. gbr-ukr-2024)");
            return null;
        }
        if (idNode.Value != expectedId)
        {
            ctx.Error(idNode, ErrorCodes.IdMismatch, $"id '{idNode.Value}' differs from the file name '{expectedId}.yaml'");
        }
        return idNode.Value;
    }

    private AgreementDates? ReadDates(YamlMapping? map, AgreementStatus? status, YamlNode at)
    {
        if (map is null) return null;
        var r = new MapReader(ctx, map, "dates", ["signed", "in_force", "ends"], DateKeys.Except(["signed", "in_force", "ends"]).ToList());
        r.Date("signed", out var signed, out _);
        r.Date("in_force", out var inForce, out _);
        r.Date("ends", out var ends, out _);
        var duration = ReadDuration(r, "duration");
        var notice = ReadDuration(r, "notice");

        if (signed is not null && inForce is not null && inForce < signed)
            ctx.Error(r["in_force"]!, ErrorCodes.InForceBeforeSigned, $"in_force {inForce:yyyy-MM-dd} is before signed {signed:yyyy-MM-dd}");
        var start = inForce ?? signed;
        if (start is not null && ends is not null && ends < start)
            ctx.Error(r["ends"]!, ErrorCodes.EndBeforeStart, $"ends {ends:yyyy-MM-dd} is before the agreement starts ({start:yyyy-MM-dd})");
        if (inForce is not null && duration is not null && duration.AddTo(inForce.Value) == DateOnly.MaxValue)
            ctx.Error(r["duration"]!, ErrorCodes.DurationOutOfRange, $"in_force {inForce:yyyy-MM-dd} + duration {duration} ends after 9999-12-31");
        if (status is AgreementStatus.Proposal && inForce is not null)
            ctx.Error(r["in_force"]!, ErrorCodes.ProposalInForce, "a proposal has no in_force date (write in_force: open; evaluate it with --assume-adopted)");
        if (status is AgreementStatus.InForce or AgreementStatus.Expired or AgreementStatus.Terminated && inForce is null && r.Has("in_force"))
            ctx.Error(r["in_force"]!, ErrorCodes.MissingInForce, $"status {Words.Of(status.Value)} needs an in_force date");
        if (status is AgreementStatus.Expired or AgreementStatus.Terminated && ends is null && duration is null && r.Has("ends"))
            ctx.Error(r["ends"]!, ErrorCodes.TerminatedWithoutEnd, $"status {Words.Of(status.Value)} needs an ends date or a duration");

        return new AgreementDates(signed, inForce, ends, r.String("ends_reason"), duration, notice, r.String("termination"));
    }

    private IsoDuration? ReadDuration(MapReader r, string key)
    {
        var s = r.Scalar(key);
        if (s is null) return null;
        if (IsoDuration.TryParse(s.Value, out var d)) return InRange(s, key, d);
        ctx.Error(s, ErrorCodes.BadDuration, $"'{key}' is not an ISO 8601 duration: '{s.Value}' (e.g. P10Y, P6M, P1Y)");
        return null;
    }

    /// <summary>Longest duration, notice or deadline: dates end in 9999, and no treaty runs for a millennium.</summary>
    private const int MaxDurationYears = 1000;

    private IsoDuration? InRange(YamlScalar s, string key, IsoDuration d)
    {
        if (!d.LongerThanYears(MaxDurationYears)) return d;
        ctx.Error(s, ErrorCodes.DurationOutOfRange, $"'{key}' {s.Value} is longer than {MaxDurationYears} years");
        return null;
    }

    private List<Party> ReadParties(MapReader top, AgreementDates? dates)
    {
        var parties = new List<Party>();
        var seen = new List<(string Key, DateSpan Span)>();
        var pending = new List<(YamlMapping Map, MapReader Reader)>();
        foreach (var map in top.Mappings("parties", "each party must be a mapping"))
        {
            var r = new MapReader(ctx, map, "party", ["role", "from", "to"], ["state", "organization", "suspended", "note", "assumed"]);
            int? state = null;
            string? org = null;
            if (r.Has("state") == r.Has("organization"))
            {
                ctx.Error(map, ErrorCodes.PartyShape, "a party needs exactly one of 'state' and 'organization'");
            }
            else if (r.Required("state") is { } s)
            {
                state = ResolveState(s);
                if (state is { } cow) _partyStates.Add(cow);
            }
            else if (r.Required("organization") is { } o)
            {
                if (refs.Organizations.TryGetValue(o.Value, out var organization))
                {
                    org = o.Value;
                    _partyOrganizations.Add(o.Value);
                    foreach (var m in organization.Members) _partyStates.Add(m.State);
                }
                else
                {
                    ctx.Error(o, ErrorCodes.UnknownOrganization,
                        $"unknown organization '{o.Value}'{Suggest.DidYouMean(o.Value, refs.Organizations.Keys)} (known: {string.Join(", ", refs.Organizations.Keys.Order())})");
                }
            }
            var role = r.Enum<PartyRole>("role", ErrorCodes.UnknownRole);
            var span = ReadSpan(r, "party");
            if (span is { } sp && dates?.LastDay is { } last && sp.From is { } pf && pf > last)
                ctx.Error(r["from"]!, ErrorCodes.PartyOutsideAgreement, $"party joins on {pf:yyyy-MM-dd}, after the agreement's last day {last:yyyy-MM-dd}");

            var key = state?.ToString(CultureInfo.InvariantCulture) ?? org;
            if (key is not null && span is { } spn)
            {
                if (seen.Any(x => x.Key == key && x.Span.Overlaps(spn)))
                    ctx.Error(map, ErrorCodes.DuplicateParty, $"'{(r.Scalar("state") ?? r.Scalar("organization"))!.Value}' is already a party over overlapping dates");
                seen.Add((key, spn));
            }
            if (role is not null && span is not null)
            {
                parties.Add(new Party(state, org, role.Value, span.Value, [], r.String("note"), ctx.At(map)) { AssumedByEncoding = ReadAssumed(r) });
                pending.Add((map, r));
            }
        }
        // Suspensions name counterparts, so they are read once every party is known.
        for (var i = 0; i < parties.Count; i++)
        {
            var suspensions = ReadSuspensions(pending[i].Reader);
            if (suspensions.Count > 0) parties[i] = parties[i] with { Suspensions = suspensions };
        }
        return parties;
    }

    private bool ReadAssumed(MapReader r)
    {
        if (r.Scalar("assumed") is not { } s) return false;
        if (s.Value is "true" or "false") return s.Value == "true";
        ctx.Error(s, ErrorCodes.WrongType, $"'assumed' must be true or false, not '{s.Value}'");
        return false;
    }

    private List<Suspension> ReadSuspensions(MapReader party)
    {
        var result = new List<Suspension>();
        foreach (var map in party.Mappings("suspended", "each suspension must be a mapping", withShape: false))
        {
            var r = new MapReader(ctx, map, "suspension", ["from", "to"], ["between", "note"]);
            var span = ReadSpan(r, "suspension");
            var between = new List<int>();
            foreach (var item in r.List("between", scalarOk: true))
            {
                if (item is not YamlScalar s) { ctx.Error(item, ErrorCodes.WrongType, "'between' lists states"); continue; }
                if (ResolveState(s) is not { } cow) continue;
                if (!_partyStates.Contains(cow))
                    ctx.Error(s, ErrorCodes.SuspensionNotParty, $"'{s.Value}' is not a party of this agreement");
                else between.Add(cow);
            }
            if (span is not null) result.Add(new Suspension(span.Value, between, r.String("note") ?? ""));
        }
        return result;
    }

    private DateSpan? ReadSpan(MapReader r, string what)
    {
        var okFrom = r.Date("from", out var from, out _);
        var okTo = r.Date("to", out var to, out _);
        if (!okFrom || !okTo) return null;
        if (from is not null && to is not null && to < from)
        {
            ctx.Error(r["to"]!, ErrorCodes.EndBeforeStart, $"{what} ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
            return null;
        }
        return new DateSpan(from, to);
    }

    private int? ResolveState(YamlScalar s)
    {
        var res = refs.States.Resolve(s.Value);
        if (res.Ok) return res.State!.Cow;
        ctx.Error(s, res.Candidates.Count > 1 && res.Error!.Contains("ambiguous", StringComparison.Ordinal) ? ErrorCodes.AmbiguousState : ErrorCodes.UnknownState, res.Error!);
        return null;
    }

    private List<Provision> ReadProvisions(MapReader top, YamlMapping root)
    {
        var result = new List<Provision>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var nodes = top.List("provisions");
        if (top.Has("provisions") && nodes.Count == 0)
            ctx.Error(top["provisions"]!, ErrorCodes.NoProvisions, "an agreement needs at least one provision");
        foreach (var map in top.Mappings(nodes, "each provision must be a mapping"))
        {
            var p = ReadProvision(map, ids);
            if (p is not null) result.Add(p);
        }
        return result;
    }

    private Provision? ReadProvision(YamlMapping map, HashSet<string> ids)
    {
        var r = new MapReader(ctx, map, "provision", ProvisionRequired, ProvisionOptional);
        var idNode = r.UniqueId("id", "provision", ids, ErrorCodes.DuplicateProvision, id => $"duplicate provision id '{id}'");
        var kind = r.Enum<ProvisionKind>("kind", ErrorCodes.UnknownProvisionKind);
        var sources = SourceListReader.ReadIds(ctx, r, _sourceIds, "a provision must cite at least one source id");
        var triggerMap = r.Mapping("trigger");
        var trigger = triggerMap is null ? null : ReadTrigger(triggerMap);
        var obligations = new List<Obligation>();
        foreach (var om in r.Mappings("obligations", "each obligation must be a mapping", withShape: false))
        {
            if (ReadObligation(om, hasTrigger: triggerMap is not null) is { } o) obligations.Add(o);
        }
        if (triggerMap is not null && !r.Has("obligations"))
            ctx.Error(triggerMap, ErrorCodes.TriggerWithoutObligation, "a provision with a trigger needs at least one obligation");
        var breachedBy = new List<TriggerKind>();
        foreach (var node in r.List("breached_by", scalarOk: true))
        {
            if (ReadTriggerKind(node) is { } k) breachedBy.Add(k);
        }
        var conditions = ReadConditions(r);
        if (idNode is not null && r.Has("contested"))
        {
            var contested = ReadContested(r, idNode.Value, _clauseIds);
            if (triggerMap is null && contested.Any(c => c.Readings.Any(x => x.Effect.SetsAfterHostilities || x.Effect.Attacker is not null)))
                ctx.Error(r["contested"]!, ErrorCodes.ReadingShape, "a reading that sets after_hostilities or attacker needs a provision with a trigger");
            _contested.AddRange(contested);
        }
        if (idNode is null || kind is null) return null;
        return new Provision(idNode.Value, r.String("citation", required: true) ?? "", kind.Value, r.String("summary", required: true) ?? "",
            r.String("quote"), sources, trigger, obligations, conditions, breachedBy, r.Strings("uncertain"), ctx.At(map));
    }

    private TriggerKind? ReadTriggerKind(YamlNode node)
    {
        if (node is not YamlScalar s) { ctx.Error(node, ErrorCodes.WrongType, "an event kind must be a word"); return null; }
        if (Words.TryParse<TriggerKind>(s.Value, out var k)) return k;
        var all = Words.All<TriggerKind>().ToList();
        ctx.Error(s, ErrorCodes.UnknownTriggerKind, $"'{s.Value}' is not an event kind; expected one of {string.Join(", ", all)}{Suggest.DidYouMean(s.Value, all)}");
        return null;
    }

    private Trigger? ReadTrigger(YamlMapping map)
    {
        var r = new MapReader(ctx, map, "trigger", TriggerRequired, TriggerOptional);
        var kinds = new List<TriggerKind>();
        var kindNodes = r.List("kinds", scalarOk: true);
        if (r.Has("kinds") && kindNodes.Count == 0) ctx.Error(r["kinds"]!, ErrorCodes.EmptyValue, "'kinds' must name at least one event kind");
        foreach (var n in kindNodes)
        {
            if (ReadTriggerKind(n) is { } k) kinds.Add(k);
        }
        var target = ReadSelector(r["target"], "target", ["any-member"], allowRole: true, ErrorCodes.TargetNotParty);
        var attacker = ReadSelector(r["attacker"], "attacker", ["anyone", "non-party"], allowRole: false, notPartyCode: null);
        var scope = r.Mapping("scope") is { } sm ? ReadScope(sm) : Scope.Anywhere;
        string? after = null;
        if (r.Scalar("after_hostilities") is { } a)
        {
            if (refs.Conflicts.Contains(a.Value)) after = a.Value;
            else ctx.Error(a, ErrorCodes.UnknownConflict, $"unknown conflict '{a.Value}'{Suggest.DidYouMean(a.Value, refs.Conflicts)} (conflicts live in corpus/conflicts/)");
        }
        var threshold = r.Has("threshold") ? ReadThreshold(r) : null;
        var voidIf = ReadVoidIf(r, threshold);
        if (target is null || attacker is null || scope is null || (r.Has("threshold") && threshold is null) || voidIf is null) return null;
        return new Trigger(kinds, target, attacker, scope, after, ctx.At(map)) { Threshold = threshold, VoidIf = voidIf };
    }

    /// <summary>
    /// <c>threshold: {all_of: [significant, deliberate, sustained], quote: …}</c>: event attribute names, each at most once.
    /// </summary>
    private AttackThreshold? ReadThreshold(MapReader trigger)
    {
        if (trigger.Mapping("threshold") is not { } map)
        {
            ctx.Error(trigger["threshold"]!, ErrorCodes.BadThreshold, "'threshold' must be a mapping with 'all_of' (event attribute names) and an optional 'quote'");
            return null;
        }
        var r = new MapReader(ctx, map, "threshold", ["all_of"], ["quote"]);
        var names = new List<string>();
        var ok = true;
        var items = r.List("all_of", scalarOk: true);
        if (r.Has("all_of") && items.Count == 0)
        {
            ctx.Error(r["all_of"]!, ErrorCodes.BadThreshold, "'all_of' must name at least one event attribute (e.g. significant)");
            ok = false;
        }
        foreach (var item in items)
        {
            if (AttributeName(item, "all_of", ErrorCodes.BadThreshold) is not { } name) { ok = false; continue; }
            if (names.Contains(name)) { ctx.Error(item, ErrorCodes.BadThreshold, $"'{name}' is named twice in 'all_of'"); ok = false; continue; }
            names.Add(name);
        }
        return ok && r.Has("all_of") ? new AttackThreshold(names, r.String("quote"), ctx.At(map)) : null;
    }

    /// <summary>
    /// <c>void_if: [{attribute: target-attacked-first, text: …}]</c>: each attribute once, and none the threshold also
    /// needs (an attribute cannot both void a clause and be required by it). Null when any entry is wrong.
    /// </summary>
    private List<VoidCondition>? ReadVoidIf(MapReader trigger, AttackThreshold? threshold)
    {
        var result = new List<VoidCondition>();
        if (!trigger.Has("void_if")) return result;
        var node = trigger["void_if"]!;
        if (node is not YamlSequence seq || seq.Items.Count == 0)
        {
            ctx.Error(node, ErrorCodes.BadVoidIf, "'void_if' must be a non-empty list of {attribute, text} entries");
            return null;
        }
        var ok = true;
        foreach (var item in seq.Items)
        {
            if (item is not YamlMapping map)
            {
                ctx.Error(item, ErrorCodes.BadVoidIf, $"each void_if entry must be a mapping with 'attribute' and 'text', not a {MapReader.Shape(item)}");
                ok = false;
                continue;
            }
            var r = new MapReader(ctx, map, "void_if entry", VoidIfKeys, []);
            var text = r.String("text", required: true);
            if (r["attribute"] is not { } a) { ok = false; continue; }
            if (AttributeName(a, "attribute", ErrorCodes.BadVoidIf) is not { } name) { ok = false; continue; }
            if (result.Any(c => c.Attribute == name))
            {
                ctx.Error(a, ErrorCodes.BadVoidIf, $"'{name}' voids this trigger twice");
                ok = false;
                continue;
            }
            if (threshold?.Attributes.Contains(name) == true)
            {
                ctx.Error(a, ErrorCodes.BadVoidIf, $"'{name}' is also required by the threshold; an attribute cannot both void and trigger the clause");
                ok = false;
                continue;
            }
            if (text is null) { ok = false; continue; }
            result.Add(new VoidCondition(name, text, ctx.At(map)));
        }
        return ok ? result : null;
    }

    /// <summary>An event attribute name: lower-case words joined by hyphens, the form <c>--event-attribute</c> takes.</summary>
    private string? AttributeName(YamlNode node, string key, string code)
    {
        if (node is not YamlScalar s || s.IsNull)
        {
            ctx.Error(node, code, $"'{key}' holds event attribute names, not a {MapReader.Shape(node)}");
            return null;
        }
        if (AttributeNamePattern().IsMatch(s.Value)) return s.Value;
        ctx.Error(s, code, $"'{s.Value}' is not an event attribute name: lower-case words joined by '-' (e.g. sustained, target-attacked-first)");
        return null;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex AttributeNamePattern();

    private Scope? ReadScope(YamlMapping map)
    {
        var r = new MapReader(ctx, map, "scope", [], ScopeKeys);
        var include = ReadLocations(r, "include");
        var exclude = ReadLocations(r, "exclude");
        var territory = Territory.Target;
        if (r.Has("territory"))
        {
            if (r.Enum<Territory>("territory", ErrorCodes.BadTerritory) is not { } t) return null;
            territory = t;
        }
        return new Scope(include, exclude, territory, r.String("note"));
    }

    private List<string> ReadLocations(MapReader r, string key)
    {
        var result = new List<string>();
        foreach (var node in r.List(key, scalarOk: true))
        {
            if (node is not YamlScalar s) { ctx.Error(node, ErrorCodes.WrongType, $"'{key}' lists location codes"); continue; }
            if (s.Value.StartsWith("region:", StringComparison.Ordinal))
            {
                var id = s.Value["region:".Length..];
                if (refs.Locations.FindRegion(id) is null)
                    ctx.Error(s, ErrorCodes.UnknownRegion, $"unknown region '{id}'{Suggest.DidYouMean(id, refs.Locations.Regions.Select(x => x.Id))}");
                else result.Add(s.Value);
            }
            else if (s.Value.StartsWith(Location.SeaAirPrefix, StringComparison.Ordinal))
            {
                // A sea/air area: attacks on the target's forces, vessels or aircraft there (data/locations/sea-air-areas.yaml).
                var id = s.Value[Location.SeaAirPrefix.Length..];
                if (refs.Locations.FindSeaAir(id) is { } area) result.Add(Location.SeaAirPrefix + area.Id);
                else ctx.Error(s, ErrorCodes.UnknownLocation, $"unknown sea/air area '{id}'{Suggest.DidYouMean(id, refs.Locations.SeaAirAreas.Select(x => x.Id))}");
            }
            else if (refs.Locations.Find(s.Value) is { } loc) result.Add(loc.Code);
            else ctx.Error(s, ErrorCodes.UnknownLocation, $"unknown location '{s.Value}' (expected an ISO 3166-1 alpha-2 or ISO 3166-2 code, region:ID or sea-air:ID)");
        }
        return result;
    }

    /// <summary>Reads a selector: a keyword, <c>role:ROLE</c>, a state or a list of states.</summary>
    private Selector? ReadSelector(YamlNode? node, string key, string[] keywords, bool allowRole, string? notPartyCode)
    {
        if (node is null) return null;
        var items = node switch
        {
            YamlSequence seq => seq.Items,
            YamlScalar s when !s.IsNull => [s],
            _ => null,
        };
        if (items is null || items.Count == 0)
        {
            ctx.Error(node, node is YamlMapping ? ErrorCodes.WrongType : ErrorCodes.EmptyValue, $"'{key}' must be {string.Join(", ", keywords)}{(allowRole ? ", role:ROLE" : "")} or states");
            return null;
        }
        if (items.Count == 1 && items[0] is YamlScalar one)
        {
            if (keywords.Contains(one.Value)) return Selector.Of(one.Value);
            if (SelectorKeywords.Contains(one.Value))
            {
                ctx.Error(one, ErrorCodes.BadSelector, $"'{one.Value}' is not allowed in '{key}'; expected {string.Join(", ", keywords)}{(allowRole ? ", role:ROLE" : "")} or states");
                return null;
            }
            if (one.Value.StartsWith("role:", StringComparison.Ordinal))
            {
                if (!allowRole) { ctx.Error(one, ErrorCodes.BadSelector, $"'{key}' cannot be a role; expected {string.Join(", ", keywords)} or states"); return null; }
                if (Words.TryParse<PartyRole>(one.Value["role:".Length..], out var role)) return new Selector(SelectorKind.Role, [], role);
                ctx.Error(one, ErrorCodes.UnknownRole, $"'{one.Value}' names no role; expected role:member, role:guarantor, role:beneficiary or role:signatory");
                return null;
            }
        }
        var states = new List<int>();
        var ok = true;
        foreach (var item in items)
        {
            if (item is not YamlScalar s) { ctx.Error(item, ErrorCodes.WrongType, $"'{key}' lists states"); ok = false; continue; }
            if (SelectorKeywords.Contains(s.Value) || s.Value.StartsWith("role:", StringComparison.Ordinal))
            {
                ctx.Error(s, ErrorCodes.BadSelector, $"'{s.Value}' cannot be mixed with states in '{key}'");
                ok = false;
                continue;
            }
            var res = refs.States.Resolve(s.Value);
            if (!res.Ok)
            {
                // A misspelt keyword ("any-memebr") gets a keyword hint rather than a list of states.
                var kw = s.Value.Contains('-') ? Suggest.Nearest(s.Value, keywords) : null;
                if (kw is not null)
                    ctx.Error(s, ErrorCodes.BadSelector, $"'{s.Value}' is not allowed in '{key}'; did you mean '{kw}'?");
                else
                    ctx.Error(s, res.Candidates.Count > 1 && res.Error!.Contains("ambiguous", StringComparison.Ordinal) ? ErrorCodes.AmbiguousState : ErrorCodes.UnknownState, res.Error!);
                ok = false;
                continue;
            }
            var cow = res.State!.Cow;
            if (notPartyCode is not null && !_partyStates.Contains(cow))
            {
                ctx.Error(s, notPartyCode, $"'{s.Value}' ({res.State.Name}) in '{key}' is not a party of this agreement");
                ok = false;
                continue;
            }
            states.Add(cow);
        }
        return ok ? new Selector(SelectorKind.States, states, null) : null;
    }

    private Obligation? ReadObligation(YamlMapping map, bool hasTrigger)
    {
        var r = new MapReader(ctx, map, "obligation", ObligationRequired, ObligationOptional);
        var obligor = ReadObligor(r["obligor"]);
        // role:R as beneficiary only for a standing promise that every party owes every other (UN Charter Art. 2(4)).
        var beneficiary = ReadSelector(r["beneficiary"], "beneficiary", ["target"], allowRole: !hasTrigger, ErrorCodes.ObligorNotParty);
        if (beneficiary?.Kind == SelectorKind.Target && !hasTrigger)
        {
            ctx.Error(r["beneficiary"]!, ErrorCodes.TargetWithoutTrigger, "'beneficiary: target' needs a trigger; name the beneficiary state of a standing commitment");
            beneficiary = null;
        }
        if (obligor?.Kind == SelectorKind.OtherParties && !hasTrigger)
        {
            ctx.Error(r["obligor"]!, ErrorCodes.TargetWithoutTrigger, "'obligor: other-parties' needs a trigger (other than the target); name the obligors of a standing commitment");
            obligor = null;
        }
        var strength = r.Enum<Strength>("strength", ErrorCodes.UnknownStrength);
        var assistance = new List<AssistanceType>();
        foreach (var node in r.List("assistance", scalarOk: true))
        {
            if (node is YamlScalar s && Words.TryParse<AssistanceType>(s.Value, out var t)) assistance.Add(t);
            else
            {
                var all = Words.All<AssistanceType>().ToList();
                var v = (node as YamlScalar)?.Value ?? "";
                ctx.Error(node, ErrorCodes.UnknownAssistanceType, $"'{v}' is not an assistance type; expected one of {string.Join(", ", all)}{Suggest.DidYouMean(v, all)}");
            }
        }
        IsoDuration? deadline = null;
        if (r.Scalar("deadline") is { } ds)
        {
            if (IsoDuration.TryParse(ds.Value, out var d)) deadline = InRange(ds, "deadline", d);
            else ctx.Error(ds, ErrorCodes.BadDeadline, $"deadline '{ds.Value}' is not an ISO 8601 duration (e.g. PT24H, PT72H, P30D)");
        }
        var firmness = DeadlineFirmness.Hard;
        if (r.Has("firmness"))
        {
            if (r.Enum<DeadlineFirmness>("firmness", ErrorCodes.UnknownFirmness) is { } f) firmness = f;
            if (!r.Has("deadline")) ctx.Error(r["firmness"]!, ErrorCodes.FirmnessWithoutDeadline, "'firmness' qualifies a deadline, but there is none");
        }
        var amounts = ReadAmounts(r);
        var conditions = ReadConditions(r);
        if (obligor is null || beneficiary is null || strength is null) return null;
        return new Obligation(obligor, beneficiary, r.String("action", required: true) ?? "", strength.Value, assistance, deadline, firmness,
            r.String("timing"), amounts, conditions, ctx.At(map));
    }

    private List<Amount> ReadAmounts(MapReader r)
    {
        var result = new List<Amount>();
        foreach (var map in r.Mappings("amounts", "each amount must be a mapping", withShape: false))
        {
            var a = new MapReader(ctx, map, "amount", [], AmountKeys);
            var value = ReadDecimal(a, "amount");
            var currency = a.Scalar("currency");
            if (currency is not null && !Iso4217.Codes.Contains(currency.Value))
                ctx.Error(currency, ErrorCodes.BadCurrency, $"'{currency.Value}' is not an ISO 4217 currency code{Suggest.DidYouMean(currency.Value, Iso4217.Codes)}");
            if (value is not null && currency is null)
                ctx.Error(map, ErrorCodes.MissingKey, "an amount with a value needs a currency");
            var year = a.Scalar("year");
            if (year is not null && !YearPattern().IsMatch(year.Value))
                ctx.Error(year, ErrorCodes.BadYear, $"year '{year.Value}' must be YYYY or YYYY-YYYY");
            var pct = ReadDecimal(a, "percent_of_gdp");
            if (pct is not null && (pct <= 0 || pct > 100))
                ctx.Error(a["percent_of_gdp"]!, ErrorCodes.BadPercent, $"percent_of_gdp {pct} must be greater than 0 and at most 100");
            result.Add(new Amount(value, currency?.Value, year?.Value, a.String("basis"), pct, a.String("note")));
        }
        return result;
    }

    private decimal? ReadDecimal(MapReader r, string key)
    {
        var s = r.Scalar(key);
        if (s is null) return null;
        if (decimal.TryParse(s.Value, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var v)) return v;
        ctx.Error(s, ErrorCodes.BadNumber, $"'{key}' must be a number, not '{s.Value}'");
        return null;
    }

    private List<Condition> ReadConditions(MapReader r)
    {
        var result = new List<Condition>();
        foreach (var map in r.Mappings("conditions", "each condition must be a mapping", withShape: false))
        {
            var c = new MapReader(ctx, map, "condition", ["kind", "text"], ["states"]);
            var kind = c.Enum<ConditionKind>("kind", ErrorCodes.UnknownConditionKind);
            var states = new List<int>();
            foreach (var s in c.List("states", scalarOk: true))
            {
                if (s is YamlScalar sc && ResolveState(sc) is { } cow) states.Add(cow);
            }
            if (kind is not null) result.Add(new Condition(kind.Value, c.String("text", required: true) ?? "", states));
        }
        return result;
    }

    private List<AgreementRelation> ReadRelated(MapReader top)
    {
        var result = new List<AgreementRelation>();
        foreach (var map in top.Mappings("related", "each related entry must be a mapping", withShape: false))
        {
            var r = new MapReader(ctx, map, "related entry", RelationKeys, []);
            var relation = r.Enum<Relation>("relation", ErrorCodes.UnknownRelation);
            if (r.Required("agreement") is { } a && relation is { } rel)
                result.Add(new AgreementRelation(a.Value, rel, ctx.At(a)));
        }
        return result;
    }
}
