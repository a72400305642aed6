using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

/// <summary>Predicted against actual joiners: a hit is a state predicted to join on the side it actually fought on.</summary>
public readonly record struct Score(int Hits, int Predicted, int Actual)
{
    public double? Precision => Predicted == 0 ? null : (double)Hits / Predicted;
    public double? Recall => Actual == 0 ? null : (double)Hits / Actual;

    public double? F1 => Precision is { } p && Recall is { } r ? (p + r == 0 ? 0 : 2 * p * r / (p + r)) : null;

    public static Score operator +(Score a, Score b) => new(a.Hits + b.Hits, a.Predicted + b.Predicted, a.Actual + b.Actual);
}

/// <summary>A state's side in a war, relative to the initial attacker.</summary>
public readonly record struct Sided(State State, CascadeSide Side);

/// <summary>One war: its initial attack, the actual and predicted joiners, and the defence promises it triggered.</summary>
public sealed record WarValidation(
    InterstateWar War,
    DateOnly Day,
    IReadOnlyList<State> Attackers,
    IReadOnlyList<State> Targets,
    IReadOnlyList<Sided> Actual,
    IReadOnlyList<Sided> Predicted,
    IReadOnlyList<Sided> Baseline,
    Score Model,
    Score BaselineScore,
    int DefenceTriggered,
    int DefenceHonoured,
    IReadOnlyList<int> UnknownStates);

/// <summary>Honoured among triggered defence promises, for a period.</summary>
public sealed record HonourRate(string Period, int Triggered, int Honoured)
{
    public double? Share => Triggered == 0 ? null : (double)Honoured / Triggered;
}

public sealed record HistoryReport(IReadOnlyList<WarValidation> Wars, Score Model, Score Baseline, IReadOnlyList<HonourRate> Defence, CascadeOptions Options);

/// <summary>
/// Runs the deterministic cascade for every COW inter-state war from its initial attack, on the alliances of the
/// given corpus (ATOP) in force that day, and compares the predicted joiners with the states that fought. The
/// baseline predicts that every state in any alliance in force with an initial belligerent joins that belligerent's
/// side (the defender's, when it is allied to both sides).
/// </summary>
public static class HistoryValidation
{
    public static HistoryReport Run(Corpus corpus, IReadOnlyList<InterstateWar> wars, CascadeOptions options, InvocationRules? invocation = null)
    {
        var results = wars.Select(w => Validate(corpus, w, options, invocation)).Where(r => r is not null).Select(r => r!).ToList();
        var model = results.Aggregate(new Score(), (s, r) => s + r.Model);
        var baseline = results.Aggregate(new Score(), (s, r) => s + r.BaselineScore);
        HonourRate Rate(string name, Func<WarValidation, bool> f) =>
            new(name, results.Where(f).Sum(r => r.DefenceTriggered), results.Where(f).Sum(r => r.DefenceHonoured));
        var defence = new List<HonourRate>
        {
            Rate("all wars", _ => true),
            Rate("before 1945", r => r.Day.Year < 1945),
            Rate("1945 and after", r => r.Day.Year >= 1945),
        };
        return new HistoryReport(results, model, baseline, defence, options);
    }

    public static WarValidation? Validate(Corpus corpus, InterstateWar war, CascadeOptions options, InvocationRules? invocation = null)
    {
        // Each state by the side it entered on (its earliest row); a later change of sides is not a joining.
        var unknown = war.FirstSpells.Where(p => corpus.States.ByCow(p.Cow) is null).Select(p => p.Cow).ToList();
        var known = war.FirstSpells.Where(p => corpus.States.ByCow(p.Cow) is not null).ToList();
        if (known.Count < 2) return null;
        var initiatorSide = known.FirstOrDefault(p => p.Initiator)?.Side ?? 1;
        var attackSide = known.Where(p => p.Side == initiatorSide).ToList();
        var defendSide = known.Where(p => p.Side != initiatorSide).ToList();
        if (attackSide.Count == 0 || defendSide.Count == 0) return null;
        var day = known.Min(p => p.Start);
        var attackers = attackSide.Where(p => p.Start == attackSide.Min(x => x.Start)).Select(p => corpus.States.ByCow(p.Cow)!).ToList();
        var targets = defendSide.Where(p => p.Start == defendSide.Min(x => x.Start)).Select(p => corpus.States.ByCow(p.Cow)!).ToList();
        var initial = attackers.Concat(targets).Select(s => s.Cow).ToHashSet();
        var actual = known.Where(p => !initial.Contains(p.Cow))
            .Select(p => new Sided(corpus.States.ByCow(p.Cow)!, p.Side == initiatorSide ? CascadeSide.Attacker : CascadeSide.Defender)).ToList();

        var graph = new CascadeGraph(new CascadeSource(corpus, day, Assumptions.None, invocation: invocation), options);
        var start = new CascadeStart(attackers, targets, TriggerKind.ArmedAttack, null);
        var result = DeterministicCascade.Run(graph, start);
        var predicted = result.Belligerents.Where(s => !s.Initial).Select(s => new Sided(s.State, s.Side)).ToList();
        var baseline = Allies(corpus, day, attackers, targets);

        var (triggered, honoured) = DefenceHonoured(graph, start, initial, actual);
        return new WarValidation(war, day, attackers, targets, actual, predicted, baseline,
            Compare(predicted, actual), Compare(baseline, actual), triggered, honoured, unknown);
    }

    private static Score Compare(IReadOnlyList<Sided> predicted, IReadOnlyList<Sided> actual) =>
        new(predicted.Count(p => actual.Any(a => a.State.Cow == p.State.Cow && a.Side == p.Side)), predicted.Count, actual.Count);

    private static List<Sided> Allies(Corpus corpus, DateOnly day, IReadOnlyList<State> attackers, IReadOnlyList<State> targets)
    {
        var initial = attackers.Concat(targets).Select(s => s.Cow).ToHashSet();
        var sides = new Dictionary<int, CascadeSide>();
        foreach (var a in corpus.Agreements.Where(a => a.InForceOn(day)))
        {
            var parties = corpus.PartiesOn(a, day).Select(p => p.State).Distinct().ToList();
            var withDefender = parties.Any(p => targets.Any(t => t.Cow == p));
            var withAttacker = parties.Any(p => attackers.Any(t => t.Cow == p));
            if (!withDefender && !withAttacker) continue;
            foreach (var p in parties.Where(p => !initial.Contains(p)))
            {
                var side = withDefender ? CascadeSide.Defender : CascadeSide.Attacker;
                sides[p] = sides.TryGetValue(p, out var was) && was == CascadeSide.Defender ? was : side;
            }
        }
        return sides.OrderBy(x => x.Key).Where(x => corpus.States.ByCow(x.Key) is not null)
            .Select(x => new Sided(corpus.States.ByCow(x.Key)!, x.Value)).ToList();
    }

    /// <summary>
    /// Defence promises to an initial target that its first attack triggered (one per obligor and beneficiary), and
    /// how many of those obligors fought on the beneficiary's side.
    /// </summary>
    private static (int Triggered, int Honoured) DefenceHonoured(CascadeGraph g, CascadeStart start, HashSet<int> initial, List<Sided> actual)
    {
        var pairs = new HashSet<(int, int)>();
        foreach (var ev in start.Events(g))
        {
            if (g.Event(ev).Kind != TriggerKind.ArmedAttack) continue;
            foreach (var c in g.Edges(ev))
            {
                var k = g.Obligation(c);
                if (k.Kind == ProvisionKind.Defense && !initial.Contains(k.Obligor.Cow) && start.Targets.Any(t => t.Cow == k.Beneficiary.Cow))
                    pairs.Add((k.Obligor.Cow, k.Beneficiary.Cow));
            }
        }
        var honoured = pairs.Count(p => actual.Any(a => a.State.Cow == p.Item1 && a.Side == CascadeSide.Defender));
        return (pairs.Count, honoured);
    }
}
