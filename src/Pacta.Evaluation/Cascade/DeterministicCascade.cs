using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

/// <summary>The deterministic cascade: every triggered obligation is honoured, under the documented options.</summary>
public static class DeterministicCascade
{
    /// <summary>The cascade of a what-if event (its location is where the target is attacked).</summary>
    public static CascadeResult Run(Corpus corpus, Event e, Assumptions assumptions, CascadeOptions options)
    {
        var graph = new CascadeGraph(new CascadeSource(corpus, e.Date, assumptions), options);
        var result = Run(graph, CascadeStart.Of(e));
        return result with { Breached = graph.Source.Full.Evaluate(e, assumptions).Breached };
    }

    public static CascadeResult Run(CascadeGraph g, CascadeStart start)
    {
        var kernel = new CascadeKernel(g) { Breaches = [], Evaluated = [] };
        var honour = new AlwaysHonour();
        Run(kernel, g, start, ref honour);
        return Collect(kernel, g, start);
    }

    internal static void Run<T>(CascadeKernel kernel, CascadeGraph g, CascadeStart start, ref T honour) where T : struct, IHonour
    {
        var attackers = start.Attackers.Select(s => g.IndexOf(s.Cow)).ToArray();
        var targets = start.Targets.Select(s => g.IndexOf(s.Cow)).ToArray();
        var events = start.Events(g).ToArray();
        kernel.Run(attackers, targets, events, ref honour);
    }

    private static CascadeResult Collect(CascadeKernel k, CascadeGraph g, CascadeStart start)
    {
        var breaks = k.Breaches!.GroupBy(b => b.State).ToDictionary(x => x.Key, x => x.Select(b => g.Obligation(b.Obligation)).ToList());
        var states = new List<CascadeState>();
        foreach (var s in k.Touched)
        {
            var role = (CascadeRole)k.Role[s];
            if (role == CascadeRole.Outside) continue;
            var crossed = role == CascadeRole.KeptOut && k.Via[s] == CascadeKernel.CrossPressured;
            var keptBy = role == CascadeRole.KeptOut && k.Via[s] >= 0 ? g.Obligation(k.Via[s]) : null;
            var path = role is CascadeRole.Belligerent or CascadeRole.Supporter ? Path(k, g, s) : [];
            states.Add(new CascadeState(g.States[s], role, (CascadeSide)k.Side[s], k.Round[s], path, keptBy, crossed,
                breaks.GetValueOrDefault(s) ?? []));
        }
        var ordered = states
            .OrderBy(s => s.Role == CascadeRole.Belligerent ? 0 : s.Role == CascadeRole.Supporter ? 1 : 2)
            .ThenBy(s => s.Round).ThenBy(s => s.Side).ThenBy(s => s.State.Cow).ToList();
        return new CascadeResult(start, g.Day, g.Source.Assumptions, g.Options, ordered, k.Rounds, k.Capped, [])
        {
            Withheld = Withheld(k, g),
            Consulting = Consulting(k, g),
        };
    }

    /// <summary>
    /// The promises to fight that the run's events triggered but did not invoke, or invoked only on a condition nothing
    /// decides, owed by states that stayed out of the war to belligerents: one entry per obligor and promise, in state order.
    /// </summary>
    private static List<WithheldObligation> Withheld(CascadeKernel k, CascadeGraph g)
    {
        var result = new List<WithheldObligation>();
        var seen = new HashSet<(int, int)>();
        foreach (var ev in k.Evaluated!)
        {
            var e = g.Event(ev);
            foreach (var w in g.WithheldAt(ev))
            {
                var c = g.Obligation(w.Obligation);
                var o = g.IndexOf(c.Obligor.Cow);
                var b = g.IndexOf(c.Beneficiary.Cow);
                if (k.Role[o] == (byte)CascadeRole.Belligerent || k.Role[b] != (byte)CascadeRole.Belligerent || !seen.Add((o, w.Obligation))) continue;
                var step = new PathStep(k.Round[e.Attacker] + 1, e.Kind, g.States[e.Attacker], g.States[e.Target], e.Location.Code, c);
                result.Add(new WithheldObligation(c.Obligor, (CascadeSide)k.Side[b], step, w.Decision.Verdict, w.Decision.Reason));
            }
        }
        return result.OrderBy(w => w.Verdict).ThenBy(w => w.Obligor.Cow).ToList();
    }

    /// <summary>
    /// The invoked promises to consult owed to belligerents by states that took no role in the war (outside at the
    /// end): one entry per obligor and promise, in state order, each with the first event that invoked it.
    /// </summary>
    private static List<ConsultingPromise> Consulting(CascadeKernel k, CascadeGraph g)
    {
        var result = new List<ConsultingPromise>();
        var seen = new HashSet<int>();
        foreach (var ev in k.Evaluated!)
        {
            var e = g.Event(ev);
            foreach (var c in g.Edges(ev))
            {
                if (g.EffectOf[c] != (byte)CascadeEffect.Consult) continue;
                var o = g.ObligorOf[c];
                var b = g.BeneficiaryOf[c];
                if (k.Role[o] != (byte)CascadeRole.Outside || k.Role[b] != (byte)CascadeRole.Belligerent || !seen.Add(c)) continue;
                var step = new PathStep(k.Round[e.Attacker] + 1, e.Kind, g.States[e.Attacker], g.States[e.Target], e.Location.Code, g.Obligation(c));
                result.Add(new ConsultingPromise(g.States[o], (CascadeSide)k.Side[b], step));
            }
        }
        return result.OrderBy(x => x.Obligor.Cow).ThenBy(x => x.Step.Round).ToList();
    }

    /// <summary>
    /// The causal chain to <paramref name="s"/>, first step first. A step's event is either a joiner's attack (so the
    /// chain continues with why the attacker joined) or a belligerent's war involvement (it continues with why that
    /// belligerent is at war); it ends at the initial attack.
    /// </summary>
    private static List<PathStep> Path(CascadeKernel k, CascadeGraph g, int s)
    {
        var steps = new List<PathStep>();
        var seen = new HashSet<int>();
        var cur = s;
        while (k.Via[cur] >= 0 && seen.Add(cur))
        {
            var c = g.Obligation(k.Via[cur]);
            var e = g.Event(k.ViaEvent[cur]);
            steps.Add(new PathStep(k.Round[cur], e.Kind, g.States[e.Attacker], g.States[e.Target], e.Location.Code, c));
            var cause = e.Kind == TriggerKind.ArmedAttack ? e.Attacker : e.Target;
            if (k.Round[cause] == 0 || k.Role[cause] != (byte)CascadeRole.Belligerent) break;
            cur = cause;
        }
        steps.Reverse();
        return steps;
    }
}
