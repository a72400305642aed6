using Pacta.Domain;
using Pacta.Evaluation.Cascade;

namespace Pacta.Evaluation.Validation;

/// <summary>A candidate of one war: its situation, its outcome (0 none, 1 attacker's side, 2 target's side) and the inputs of the rule baselines.</summary>
public sealed record JoinCandidate(JoinSituation Situation, int Outcome, bool AllyAttacker, bool AllyTarget, CascadeSide Cascade)
{
    public State State => Situation.State;
}

/// <summary>One war of the universe: its first day, initial belligerents and candidates (docs/validation.md, "The universe").</summary>
public sealed record WarUniverse(SpelledWar War, DateOnly Day, int InitiatorSide, IReadOnlyList<State> Attackers, IReadOnlyList<State> Targets,
    IReadOnlyList<JoinCandidate> Candidates)
{
    /// <summary>The war's cascade graph (ATOP alone, its first day, major powers marked) and start, for the chain model.</summary>
    public CascadeGraph? Graph { get; init; }
    public CascadeStart? Start { get; init; }

    public static readonly DateOnly TestFrom = new(1945, 1, 1);

    public bool Test => Day >= TestFrom;
}

/// <summary>Builds the validation universe from COW's war spells, the ATOP corpus, contiguity and the major powers.</summary>
public static class JoinUniverse
{
    /// <summary>
    /// The initiator's side and the initial belligerents of a war among the states the registry knows; null when a side
    /// has none. Each state's earliest spell decides its side and entry day.
    /// </summary>
    public static (int InitiatorSide, List<State> Attackers, List<State> Targets)? Initial(SpelledWar war, StateRegistry states)
    {
        var known = war.First.Where(p => states.ByCow(p.Cow) is not null).ToList();
        if (known.Count < 2) return null;
        var initiatorSide = known.FirstOrDefault(p => p.Initiator)?.Side ?? 1;
        var attack = known.Where(p => p.Side == initiatorSide).ToList();
        var defend = known.Where(p => p.Side != initiatorSide).ToList();
        if (attack.Count == 0 || defend.Count == 0) return null;
        List<State> Earliest(List<WarSpell> side) =>
            side.Where(p => p.Start == side.Min(x => x.Start)).Select(p => states.ByCow(p.Cow)!).ToList();
        return (initiatorSide, Earliest(attack), Earliest(defend));
    }

    public static WarUniverse? Build(Corpus atop, SpelledWar war, Contiguity contiguity, MajorPowers majors, CascadeOptions options, InvocationRules? invocation = null)
    {
        if (Initial(war, atop.States) is not { } initial) return null;
        var (initiatorSide, attackers, targets) = initial;
        var day = war.Start;
        var graph = new CascadeGraph(new CascadeSource(atop, day, Assumptions.None, invocation: invocation), options);
        var start = new CascadeStart(attackers, targets, TriggerKind.ArmedAttack, null);
        var major = majors.On(day);
        foreach (var m in major) if (atop.States.ByCow(m) is not null) graph.IsMajor[graph.IndexOf(m)] = true;
        var situations = JoinFeatures.Of(graph, start, contiguity, major.Contains);
        var cascade = DeterministicCascade.Run(graph, start).Belligerents.Where(s => !s.Initial).ToDictionary(s => s.State.Cow, s => s.Side);

        // Any alliance in force with an initial belligerent (the any-alliance and allies-plus-contiguity baselines).
        var allyA = new HashSet<int>();
        var allyT = new HashSet<int>();
        foreach (var a in atop.Agreements.Where(a => a.InForceOn(day)))
        {
            var parties = atop.PartiesOn(a, day).Select(p => p.State).ToHashSet();
            if (attackers.Any(s => parties.Contains(s.Cow))) allyA.UnionWith(parties);
            if (targets.Any(s => parties.Contains(s.Cow))) allyT.UnionWith(parties);
        }
        var candidates = situations.Select(s =>
        {
            var first = war.FirstOf(s.State.Cow);
            var outcome = first is null ? 0 : first.Side == initiatorSide ? 1 : 2;
            return new JoinCandidate(s, outcome, allyA.Contains(s.State.Cow), allyT.Contains(s.State.Cow),
                cascade.GetValueOrDefault(s.State.Cow, CascadeSide.None));
        }).ToList();
        return new WarUniverse(war, day, initiatorSide, attackers, targets, candidates) { Graph = graph, Start = start };
    }

    public static IReadOnlyList<WarUniverse> Build(Corpus atop, IEnumerable<SpelledWar> wars, Contiguity contiguity, MajorPowers majors, CascadeOptions options,
        InvocationRules? invocation = null) =>
        wars.Select(w => Build(atop, w, contiguity, majors, options, invocation)).Where(w => w is not null).Select(w => w!).ToList();
}
