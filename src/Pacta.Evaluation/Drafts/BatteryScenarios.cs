using Pacta.Domain;

namespace Pacta.Evaluation.Drafts;

/// <summary>
/// Expands a battery over one or more versions of a draft into scenarios: for each party the drafts protect, its
/// plausible attackers (contiguous states, states it fought in a COW war, the major powers, any the battery adds), at
/// each location class (the whole territory, the battery's classes for the country, each subdivision and each sea/air
/// area a trigger scope names), on each day, with and without the ceasefire, for each event kind, each attribute case and each combination of
/// readings of the drafts' contested clauses.
/// </summary>
public static class BatteryScenarios
{
    /// <summary>At most this many combinations of readings are run (the first ones in file order).</summary>
    public const int MaxReadingCombinations = 64;

    public static IReadOnlyList<BatteryScenario> Expand(Battery battery, IReadOnlyList<Agreement> drafts, Corpus corpus, AttackerData data, bool readings = true)
    {
        var list = new List<BatteryScenario>();
        var attributeCases = AttributeCases(drafts, battery.VaryAttributes);
        var readingSets = !readings ? [[]] : drafts.Count == 1 ? ReadingCombinations(drafts[0]) : ReadingCombinations(drafts);
        var labels = readingSets.Select(r => ReadingLabel(r, drafts)).ToList();
        foreach (var target in ProtectedParties(drafts, corpus))
        {
            var places = Places(target, battery, drafts, corpus);
            foreach (var date in battery.Dates)
            {
                foreach (var (attacker, why) in Attackers(target, date, battery, corpus, data))
                    foreach (var (cls, place) in places)
                        foreach (var ceasefire in battery.Ceasefire is null ? [false] : new[] { false, true })
                            foreach (var kind in battery.Kinds)
                                foreach (var (caseName, attrs) in attributeCases)
                                    for (var i = 0; i < readingSets.Count; i++)
                                        list.Add(new BatteryScenario(target, attacker, why, cls, place, date, ceasefire, kind, caseName, attrs, readingSets[i]) { ReadingLabel = labels[i] });
            }
        }
        return list;
    }

    /// <summary>The states the drafts' triggers protect: named targets, or the parties a role or any-member selector means.</summary>
    public static IReadOnlyList<State> ProtectedParties(IReadOnlyList<Agreement> drafts, Corpus corpus)
    {
        var cows = new SortedSet<int>();
        foreach (var a in drafts)
            foreach (var p in a.Provisions)
            {
                if (p.Trigger is not { } t) continue;
                switch (t.Target.Kind)
                {
                    case SelectorKind.States:
                        cows.UnionWith(t.Target.States);
                        break;
                    case SelectorKind.Role:
                        cows.UnionWith(a.Parties.Where(x => x.State is not null && x.Role == t.Target.Role).Select(x => x.State!.Value));
                        break;
                    default:
                        cows.UnionWith(a.Parties.Where(x => x.State is not null && x.Role != PartyRole.Signatory).Select(x => x.State!.Value));
                        break;
                }
            }
        return [.. cows.Select(c => corpus.States.ByCow(c)).OfType<State>()];
    }

    /// <summary>The plausible attackers of <paramref name="target"/> on a day, each once with the first reason found.</summary>
    public static IReadOnlyList<(State State, string Why)> Attackers(State target, DateOnly date, Battery battery, Corpus corpus, AttackerData data)
    {
        var found = new Dictionary<int, string>();
        void Add(int cow, string why)
        {
            if (cow != target.Cow && !found.ContainsKey(cow) && corpus.States.ByCow(cow) is { } s && s.IsSystemMemberOn(date)) found[cow] = why;
        }
        if (battery.ContiguityType > 0)
            foreach (var s in corpus.States.All)
                if (s.Cow != target.Cow && data.ContiguityType(target.Cow, s.Cow, date) is { } t && t <= battery.ContiguityType)
                    Add(s.Cow, t == 1 ? "contiguous" : $"contiguous by sea (type {t})");
        if (battery.Wars)
            foreach (var war in data.Wars)
            {
                var mine = war.Participants.Where(p => p.Cow == target.Cow).Select(p => p.Side).ToHashSet();
                if (mine.Count == 0) continue;
                foreach (var p in war.Participants.Where(p => !mine.Contains(p.Side)))
                    Add(p.Cow, $"fought it: {war.Name}");
            }
        if (battery.MidsFrom is { } from && data.Disputes is { } disputes)
            foreach (var g in disputes(target.Cow).Where(d => d.Year >= from && d.Year <= date.Year).GroupBy(d => d.Other).OrderBy(g => g.Key))
                Add(g.Key, $"militarized dispute (last {g.Max(d => d.Year)})");
        if (battery.Majors)
            foreach (var m in data.MajorsOn(date).Order())
                Add(m, "major power");
        foreach (var x in battery.ExtraAttackers) Add(x, "named in the battery");
        return [.. found.OrderBy(f => corpus.States.ByCow(f.Key)!.Code, StringComparer.Ordinal).Select(f => (corpus.States.ByCow(f.Key)!, f.Value))];
    }

    /// <summary>The location class of an attack on the target's forces, vessels or aircraft in a sea/air area a scope names.</summary>
    public const string SeaAirClass = "sea-air";

    /// <summary>
    /// The location classes for a target: its whole territory, the battery's classes, each subdivision a scope of the
    /// drafts names, and each sea/air area a scope names (class <see cref="SeaAirClass"/>).
    /// </summary>
    public static IReadOnlyList<(string Class, Location Place)> Places(State target, Battery battery, IReadOnlyList<Agreement> drafts, Corpus corpus)
    {
        var list = new List<(string, Location)>();
        if (target.Iso2 is not { } iso2 || corpus.Locations.Find(iso2) is not { } country) return list;
        list.Add(("territory", country));
        if (battery.Places.TryGetValue(iso2, out var classes))
            foreach (var c in classes)
                foreach (var code in c.Codes)
                    if (corpus.Locations.Find(code) is { } l && !list.Any(x => x.Item2.Code == l.Code)) list.Add((c.Name, l));
        // Overseas territories: the locations with a code of their own that the target holds (GL and FO for DK).
        if (battery.Overseas)
            foreach (var l in corpus.Locations.All.Where(l => !l.IsSubdivision && l.Sovereign == iso2 && l.Code != iso2).OrderBy(l => l.Code, StringComparer.Ordinal))
                list.Add(("overseas", l));
        foreach (var a in drafts)
            foreach (var p in a.Provisions)
                if (p.Trigger?.Scope is { } scope)
                    foreach (var code in scope.Include.Concat(scope.Exclude))
                        if (corpus.Locations.Find(code) is { } l && (l.IsSeaAir || (l.IsSubdivision ? l.Country == iso2 : l.Sovereign == iso2 && l.Code != iso2)) && !list.Any(x => x.Item2.Code == l.Code))
                            // A sea/air area a scope names: an attack on the target's forces, vessels or aircraft there.
                            list.Add((l.IsSeaAir ? SeaAirClass : "named in scope", l));
        return list;
    }

    /// <summary>
    /// The attribute cases: all unknown; every threshold met and no void-if fact; then each threshold attribute stated
    /// against (the others met) and each void-if fact stated (the rest met). Only "unknown" when attributes are not varied or
    /// the drafts have no threshold or void-if.
    /// </summary>
    public static IReadOnlyList<(string Name, EventAttributes Attributes)> AttributeCases(IReadOnlyList<Agreement> drafts, bool vary)
    {
        var threshold = drafts.SelectMany(a => a.Provisions).SelectMany(p => p.Trigger?.Threshold?.Attributes ?? []).Distinct().ToList();
        var voids = drafts.SelectMany(a => a.Provisions).SelectMany(p => p.Trigger?.VoidIf ?? []).Select(v => v.Attribute).Distinct().Except(threshold).ToList();
        if (threshold.Count == 0 && voids.Count == 0) return [("none", EventAttributes.None)];
        var cases = new List<(string, EventAttributes)> { ("unknown", EventAttributes.None) };
        if (!vary) return cases;
        var met = EventAttributes.None;
        foreach (var t in threshold) met = met.With(t, true);
        foreach (var v in voids) met = met.With(v, false);
        cases.Add(("all met", met));
        foreach (var t in threshold) cases.Add(($"{t}=no", met.With(t, false)));
        foreach (var v in voids) cases.Add(($"{v}=yes", met.With(v, true)));
        return cases;
    }

    /// <summary>
    /// A combination of readings in words: for each choice the agreement that has the clause, the provision (id and
    /// citation) for a clause of a provision, the clause and the reading, "(default)" when it is the clause's default:
    /// <c>g7-ukraine-declaration-2023 consult-on-future-attack (Future Russian armed attack), clause post-war-gate — reading
    /// 'renewed-aggression'</c>. A choice that names no agreement (as <c>pacta diff</c> runs them) names every version that
    /// has the clause. "no contested clause" for none.
    /// </summary>
    public static string ReadingLabel(IReadOnlyList<ReadingChoice> choices, IReadOnlyList<Agreement> drafts)
    {
        if (choices.Count == 0) return "no contested clause";
        return string.Join("; ", choices.Select(choice =>
        {
            var having = drafts.Where(a => (choice.Agreement is null || a.Id == choice.Agreement) && a.Contested.Any(c => c.Id == choice.Clause && c.Provision == choice.Provision)).ToList();
            var ids = having.Count == 0 ? choice.Agreement ?? "" : string.Join(" / ", having.Select(a => a.Id).Distinct(StringComparer.Ordinal));
            var first = having.FirstOrDefault();
            var clause = first?.Contested.First(c => c.Id == choice.Clause && c.Provision == choice.Provision);
            var where = choice.Provision is not { } p ? ids
                : first?.Provisions.FirstOrDefault(x => x.Id == p) is { } provision && provision.Citation.Length > 0 ? $"{ids} {p} ({provision.Citation})" : $"{ids} {p}";
            return $"{where.Trim()}, clause {choice.Clause} — reading '{choice.Reading}'{(clause?.Default == choice.Reading ? " (default)" : "")}";
        }));
    }

    /// <summary>Every combination of readings of the draft's contested clauses (agreement and provision level), defaults first.</summary>
    public static IReadOnlyList<IReadOnlyList<ReadingChoice>> ReadingCombinations(Agreement draft)
    {
        IReadOnlyList<IReadOnlyList<ReadingChoice>> combos = [[]];
        foreach (var c in draft.Contested)
        {
            var next = new List<IReadOnlyList<ReadingChoice>>();
            foreach (var combo in combos)
                foreach (var r in c.Readings.OrderBy(r => r.Id == c.Default ? 0 : 1))
                {
                    if (next.Count >= MaxReadingCombinations) break;
                    next.Add([.. combo, new ReadingChoice(draft.Id, c.Provision, c.Id, r.Id)]);
                }
            combos = next;
        }
        return combos;
    }

    /// <summary>
    /// The combinations of readings over several versions of a draft (as <c>pacta diff</c> runs them): each contested
    /// clause any version has (by provision and clause id) with the readings any version gives it, defaults of the first
    /// version first. The choices name no agreement: each version applies them to itself
    /// (<see cref="DraftAssessment"/>), and a version without the clause or the reading keeps its own default.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<ReadingChoice>> ReadingCombinations(IReadOnlyList<Agreement> drafts)
    {
        var clauses = new List<(string? Provision, string Id, List<string> Readings)>();
        foreach (var c in drafts.SelectMany(a => a.Contested))
        {
            var ordered = c.Readings.OrderBy(r => r.Id == c.Default ? 0 : 1).Select(r => r.Id);
            if (clauses.FirstOrDefault(x => x.Provision == c.Provision && x.Id == c.Id) is { Readings: { } known })
                known.AddRange(ordered.Where(r => !known.Contains(r)));
            else clauses.Add((c.Provision, c.Id, [.. ordered]));
        }
        IReadOnlyList<IReadOnlyList<ReadingChoice>> combos = [[]];
        foreach (var (provision, id, readings) in clauses)
        {
            var next = new List<IReadOnlyList<ReadingChoice>>();
            foreach (var combo in combos)
                foreach (var r in readings)
                {
                    if (next.Count >= MaxReadingCombinations) break;
                    next.Add([.. combo, new ReadingChoice(null, provision, id, r)]);
                }
            combos = next;
        }
        return combos;
    }
}
