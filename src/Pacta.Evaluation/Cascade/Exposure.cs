using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

/// <summary>
/// The deterministic cascade of one ordered pair: how many belligerents on each side, supporters, rounds, and
/// the major powers at war (<see cref="Majors"/>, COW codes).
/// </summary>
public sealed record ExposureCell(State Attacker, State Target, int Belligerents, int AttackerSide, int DefenderSide, int Supporters, int Rounds, IReadOnlyList<int> Majors);

/// <summary>Every ordered pair of system members on one day; <see cref="Cells"/> row = attacker, column = target.</summary>
public sealed record ExposureMatrix(DateOnly Day, IReadOnlyList<State> States, ExposureCell?[,] Cells, CascadeOptions Options);

/// <summary>
/// Runs the deterministic cascade for every ordered pair of states in the system on a day. Every event of these
/// cascades is an attack or a war involvement at the victim's home, so an <see cref="AttackTable"/> evaluates each
/// victim once for all attackers. The event graph of all pairs is then expanded and frozen once and shared
/// read-only; each thread runs the scalar kernel on its share of the pairs.
/// </summary>
public static class Exposure
{
    public static ExposureMatrix Compute(Corpus corpus, DateOnly day, Assumptions assumptions, CascadeOptions options,
        ISet<int> majors, int threads = 0, InvocationRules? invocation = null)
    {
        var source = new CascadeSource(corpus, day, assumptions, invocation: invocation);
        var states = corpus.States.All.Where(s => s.IsSystemMemberOn(day)).ToList();
        var n = states.Count;
        var cells = new ExposureCell?[n, n];
        var workers = Math.Max(1, threads > 0 ? threads : Environment.ProcessorCount);
        var shared = new CascadeGraph(source, options);
        var table = AttackTable.Build(shared, workers);
        foreach (var m in majors) if (corpus.States.ByCow(m) is not null) shared.IsMajor[shared.IndexOf(m)] = true;
        var idx = states.Select(s => shared.IndexOf(s.Cow)).ToArray();
        // Closed, the graph is read-only: one for all threads, and the kernel skips what a closed graph lets it skip.
        // Joiners attacking all enemies have no fixed event graph: each thread then expands its own.
        var closed = options.JoinerAttacks != JoinerAttacks.AllEnemies;
        if (closed)
        {
            var seeds = new List<int>(2 * n * n);
            for (var a = 0; a < n; a++)
            {
                for (var t = 0; t < n; t++)
                {
                    if (a == t) continue;
                    seeds.Add(shared.EventId(TriggerKind.ArmedAttack, idx[a], idx[t]));
                    seeds.Add(shared.EventId(TriggerKind.WarInvolvement, idx[t], idx[a]));
                }
            }
            shared.CloseOver(seeds);
        }
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var g = shared;
            if (w > 0 && !closed)
            {
                g = new CascadeGraph(source, options);
                g.Attach(table);
                foreach (var m in majors) if (corpus.States.ByCow(m) is not null) g.IsMajor[g.IndexOf(m)] = true;
            }
            var k = new CascadeKernel(g);
            var honour = new AlwaysHonour();
            var one = new int[1];
            var two = new int[1];
            var events = new int[2];
            for (var a = w; a < n; a += workers)
            {
                for (var t = 0; t < n; t++)
                {
                    if (a == t) continue;
                    one[0] = idx[a];
                    two[0] = idx[t];
                    events[0] = g.EventId(TriggerKind.ArmedAttack, idx[a], idx[t]);
                    events[1] = g.EventId(TriggerKind.WarInvolvement, idx[t], idx[a]);
                    k.Run(one, two, events, ref honour);
                    cells[a, t] = Cell(g, k, states[a], states[t]);
                }
            }
        });
        return new ExposureMatrix(day, states, cells, options);
    }

    private static ExposureCell Cell(CascadeGraph g, CascadeKernel k, State a, State t)
    {
        int att = 0, def = 0, sup = 0;
        List<int>? majors = null;
        foreach (var s in k.Touched)
        {
            switch ((CascadeRole)k.Role[s])
            {
                case CascadeRole.Belligerent:
                    if (k.Side[s] == (byte)CascadeSide.Attacker) att++; else def++;
                    if (g.IsMajor[s]) (majors ??= []).Add(g.States[s].Cow);
                    break;
                case CascadeRole.Supporter:
                    sup++;
                    break;
            }
        }
        majors?.Sort();
        return new ExposureCell(a, t, att + def, att, def, sup, k.Rounds, (IReadOnlyList<int>?)majors ?? []);
    }
}
