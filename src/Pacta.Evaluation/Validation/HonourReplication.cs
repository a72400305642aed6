using Pacta.Domain;
using Pacta.Evaluation.Cascade;

namespace Pacta.Evaluation.Validation;

/// <summary>An honour rate with its Wilson interval, and the published figure it sits beside (if any).</summary>
public sealed record HonourCell(string Level, string Period, string Kind, int Invoked, int Honoured, string? Published)
{
    public double? Rate => Invoked == 0 ? null : (double)Honoured / Invoked;
    public (double Low, double High) Wilson => Metrics.Wilson(Honoured, Invoked);
}

/// <summary>One invoked promise to a war participant, at the ally level.</summary>
public sealed record HonourUnit(int War, DateOnly Entry, int Obligor, int Beneficiary, ProvisionKind Kind, IReadOnlyList<string> Agreements, bool Honoured);

/// <summary>
/// The honour-rate replication of docs/validation.md: every participant at its own entry date, the ATOP promises the
/// Evaluator finds invoked for it there, each kind judged by its own fulfilment rule against COW participation.
/// </summary>
public static class HonourReplication
{
    public static readonly ProvisionKind[] Kinds =
        [ProvisionKind.Defense, ProvisionKind.Offense, ProvisionKind.Neutrality, ProvisionKind.NonAggression, ProvisionKind.Consultation];

    public static IReadOnlyList<HonourUnit> Units(Corpus atop, IEnumerable<SpelledWar> wars, CascadeOptions options, InvocationRules? invocation = null)
    {
        var units = new List<HonourUnit>();
        foreach (var war in wars)
        {
            if (JoinUniverse.Initial(war, atop.States) is not { } initial) continue;
            var (initiatorSide, attackers, targets) = initial;
            var first = war.First.Where(p => atop.States.ByCow(p.Cow) is not null).ToList();
            var graphs = new Dictionary<DateOnly, CascadeGraph>();
            var seen = new Dictionary<(int, int, ProvisionKind), (DateOnly Entry, List<string> Agreements, bool Honoured)>();
            foreach (var p in first)
            {
                var entry = p.Start;
                var enemies = first.Where(q => q.Side != p.Side && q.Start <= entry).Select(q => q.Cow).ToList();
                if (enemies.Count == 0) enemies = (p.Side == initiatorSide ? targets : attackers).Select(s => s.Cow).ToList();
                if (!graphs.TryGetValue(entry, out var g)) graphs[entry] = g = new CascadeGraph(new CascadeSource(atop, entry, Assumptions.None, invocation: invocation), options);
                var me = g.IndexOf(p.Cow);
                var events = new List<int>();
                foreach (var enemy in enemies)
                {
                    var e = g.IndexOf(enemy);
                    // The target's side is attacked (the cascade's convention: the target defends); every participant is at war.
                    if (p.Side != initiatorSide) events.Add(g.EventId(TriggerKind.ArmedAttack, e, me));
                    events.Add(g.EventId(TriggerKind.WarInvolvement, e, me));
                }
                // Non-aggression promises are standing (no event triggers them): every one owed to P is invoked by its war.
                var standing = new List<int>();
                foreach (var o in g.States)
                    if (o.Cow != p.Cow) standing.AddRange(g.PeaceObligationsOf(g.IndexOf(o.Cow)).ToArray());
                foreach (var c in events.Distinct().SelectMany(g.Edges).Concat(standing))
                {
                    var k = g.Obligation(c);
                    if (k.Beneficiary.Cow != p.Cow || k.Obligor.Cow == p.Cow || !Kinds.Contains(k.Kind) || !k.Obligor.IsSystemMemberOn(entry)) continue;
                    var key = (k.Obligor.Cow, p.Cow, k.Kind);
                    if (!seen.TryGetValue(key, out var u))
                        seen[key] = u = (entry, [], Honoured(war, k.Kind, k.Obligor.Cow, p.Side));
                    if (!u.Agreements.Contains(k.Agreement.Id)) u.Agreements.Add(k.Agreement.Id);
                }
            }
            units.AddRange(seen.Select(x => new HonourUnit(war.Number, x.Value.Entry, x.Key.Item1, x.Key.Item2, x.Key.Item3, x.Value.Agreements, x.Value.Honoured)));
        }
        return units;
    }

    /// <summary>Defence and offence: fought on the beneficiary's side (at any time); the peace kinds and consultation: never fought against it.</summary>
    public static bool Honoured(SpelledWar war, ProvisionKind kind, int obligor, int beneficiarySide) => kind is ProvisionKind.Defense or ProvisionKind.Offense
        ? war.FoughtOn(obligor, beneficiarySide)
        : !war.Spells.Any(s => s.Cow == obligor && s.Side != beneficiarySide);

    /// <summary>Rates by level (ally, alliance-war), period and kind, with the published figures beside.</summary>
    public static IReadOnlyList<HonourCell> Rates(IReadOnlyList<HonourUnit> units, IReadOnlyDictionary<int, DateOnly> warStart)
    {
        var cells = new List<HonourCell>();
        (string Name, Func<HonourUnit, bool> In)[] periods =
        [
            ("all wars", _ => true),
            ("before 1945", u => warStart[u.War] < WarUniverse.TestFrom),
            ("1945 on", u => warStart[u.War] >= WarUniverse.TestFrom),
        ];
        foreach (var (period, inPeriod) in periods)
            foreach (var kind in new ProvisionKind?[] { null }.Concat(Kinds.Select(k => (ProvisionKind?)k)))
            {
                var us = units.Where(u => inPeriod(u) && (kind is null || u.Kind == kind)).ToList();
                var kindName = kind is { } k ? Words.Of(k) : "all kinds";
                cells.Add(new HonourCell("ally", period, kindName, us.Count, us.Count(u => u.Honoured), Published(period, kindName)));
                // Alliance-war: one unit per (war, agreement, kind), honoured when all its ally units are.
                var alliances = us.SelectMany(u => u.Agreements.Select(a => (Key: (u.War, a, u.Kind), u.Honoured)))
                    .GroupBy(x => x.Key).Select(g => g.All(x => x.Honoured)).ToList();
                cells.Add(new HonourCell("alliance-war", period, kindName, alliances.Count, alliances.Count(h => h), Published(period, kindName)));
            }
        return cells;
    }

    private static string? Published(string period, string kind) => (period, kind) switch
    {
        ("all wars", "all kinds") => "Berkemeier & Fuhrmann 2018: 50 % (1816-2003)",
        ("before 1945", "all kinds") => "Leeds, Long & Mitchell 2000: 74.5 % (1816-1944); B&F 2018: 66 %",
        ("1945 on", "all kinds") => "B&F 2018: 22 % (1945-2003)",
        ("all wars", "defense") => "B&F 2018: 41 %",
        ("all wars", "offense") => "B&F 2018: 74 %",
        ("all wars", "neutrality") => "B&F 2018: 78 %",
        ("all wars", "non-aggression") => "B&F 2018: 37 %",
        _ => null,
    };
}
