using System.Numerics;
using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

/// <summary>How often a state ended up on each side, or as a supporter, over all trials.</summary>
public sealed record StateOdds(State State, Estimate DrawnIn, Estimate AttackerSide, Estimate DefenderSide, Estimate Supporter);

/// <summary>How often two named states were belligerents on opposite sides.</summary>
public sealed record PairOdds(State First, State Second, Estimate AtWar);

/// <summary>
/// The result of a Monte Carlo cascade. <see cref="SizeDistribution"/>[k] is the share of trials whose war had
/// k belligerents (initial attacker and target included).
/// </summary>
public sealed record MonteCarloResult(
    long Trials,
    ulong Seed,
    HonourModel Model,
    IReadOnlyList<StateOdds> States,
    IReadOnlyList<PairOdds> Pairs,
    Estimate AnyMajorDrawnIn,
    IReadOnlyList<Estimate> SizeDistribution,
    MeanEstimate MeanSize,
    IReadOnlyList<(CascadeObligation Obligation, double P)> Probabilities)
{
    /// <summary>The join model the trials drew with (<c>--join-model</c>: per-obligation, per-state or fitted).</summary>
    public string JoinModel { get; init; } = "per-obligation";

    /// <summary>The fitted coefficients the probabilities came from; null when they came from <see cref="Model"/>'s preset.</summary>
    public JoinModelFile? Coefficients { get; init; }

    /// <summary>True when the honour preset (and its overrides) set the probabilities; false under a fitted model.</summary>
    public bool UsesPreset => JoinModel != "fitted";
}

/// <summary>
/// Monte Carlo over the cascade: in each trial every decision (<see cref="DecisionUnits"/>, made by the join model) is
/// drawn once with its probability, however many attacks trigger its obligations and however many obligations share
/// it, and the deterministic rules run on what is honoured. With one decision per obligation
/// (<see cref="PerObligation"/>, the default) each obligation is honoured with its own probability.
/// Trials run 256 at a time in the bit lanes of <see cref="LaneKernel{T}"/>; probabilities are rounded to multiples of
/// 2^-16 (<see cref="BernoulliLanes"/>). Trials are cut into fixed blocks, each with its own generator seeded from
/// (seed, block), so the result depends on the seed only, not on the number of threads.
/// </summary>
public static class MonteCarlo
{
    /// <summary>Trials per block: 16 batches of 256 lanes.</summary>
    public const int BlockSize = 4096;

    /// <summary>
    /// Runs <paramref name="trials"/> trials. <paramref name="cancellationToken"/> is checked between blocks of
    /// <see cref="BlockSize"/> trials: once it is cancelled the run stops within a block per thread and throws
    /// <see cref="OperationCanceledException"/> (a server passes its request's token, so a client that hangs up or
    /// times out stops the work). <paramref name="joins"/> groups obligations into decisions (default: the graph
    /// options' <see cref="CascadeOptions.JoinModel"/>).
    /// </summary>
    public static MonteCarloResult Run(CascadeGraph g, CascadeStart start, HonourModel model, long trials, ulong seed,
        IReadOnlyList<(int First, int Second)> pairs, int threads = 0, CancellationToken cancellationToken = default,
        IJoinModel? joins = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        g.Close(start);
        var n = g.StateCount;
        var joinModel = joins ?? JoinModels.Of(g.Options.JoinModel);
        var units = joinModel.Assign(g, model);
        var decisions = new LaneDecisions(g.Lanes, units);
        // Indexed by lane decision id, as the lane kernel asks.
        var numerators = new int[decisions.Count];
        for (var d = 0; d < numerators.Length; d++) numerators[d] = BernoulliLanes.Numerator(units.P(decisions.UnitDecision(d)));
        var probabilities = new List<(CascadeObligation, double)>();
        for (var c = 0; c < g.ObligationCount; c++)
        {
            var k = g.Obligation(c);
            probabilities.Add((k, model.P(k)));
        }
        var attackers = start.Attackers.Select(s => g.IndexOf(s.Cow)).ToArray();
        var targets = start.Targets.Select(s => g.IndexOf(s.Cow)).ToArray();
        var events = start.Events(g).ToArray();
        var pairIdx = pairs.Select(p => (g.IndexOf(p.First), g.IndexOf(p.Second))).ToArray();
        var initial = new bool[n];
        foreach (var s in attackers.Concat(targets)) initial[s] = true;

        var blocks = (int)((trials + BlockSize - 1) / BlockSize);
        var total = new Tally(n, pairIdx.Length);
        // One worker per thread for the whole run (its kernel's arrays are large and warm up in cache); threads take
        // the next block until none is left.
        var workers = Math.Max(1, Math.Min(threads > 0 ? threads : Environment.ProcessorCount, blocks));
        var next = -1;
        var tallies = new Tally[workers];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, i =>
        {
            var w = new Worker<Lanes256>(g, decisions, numerators, new Tally(n, pairIdx.Length));
            for (var b = Interlocked.Increment(ref next); b < blocks; b = Interlocked.Increment(ref next))
            {
                if (cancellationToken.IsCancellationRequested) break;
                var count = (int)Math.Min(BlockSize, trials - (long)b * BlockSize);
                var mix = seed ^ (0xD1B54A32D192ED03UL * (ulong)(b + 1));
                w.RunBlock(new Xoshiro(Xoshiro.SplitMix(ref mix)), count, attackers, targets, events, pairIdx, initial);
            }
            tallies[i] = w.Tally;
        });
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var t in tallies) total.Add(t);

        return Summarise(g, model, trials, seed, total, pairIdx, initial, probabilities) with { JoinModel = joinModel.Id, Coefficients = joinModel.Coefficients };
    }

    private static MonteCarloResult Summarise(CascadeGraph g, HonourModel model, long trials, ulong seed, Tally t,
        (int, int)[] pairs, bool[] initial, List<(CascadeObligation, double)> probabilities)
    {
        var states = new List<StateOdds>();
        for (var s = 0; s < g.StateCount; s++)
        {
            if (t.Attacker[s] + t.Defender[s] + t.Supporter[s] == 0 && !initial[s]) continue;
            states.Add(new StateOdds(g.States[s], Estimate.Of(t.Attacker[s] + t.Defender[s], trials),
                Estimate.Of(t.Attacker[s], trials), Estimate.Of(t.Defender[s], trials), Estimate.Of(t.Supporter[s], trials)));
        }
        var ordered = states.OrderByDescending(s => s.DrawnIn.P).ThenByDescending(s => s.Supporter.P).ThenBy(s => s.State.Cow).ToList();
        var pairOdds = pairs.Select((p, i) => new PairOdds(g.States[p.Item1], g.States[p.Item2], Estimate.Of(t.PairHits[i], trials))).ToList();
        var last = Array.FindLastIndex(t.Sizes, x => x > 0);
        var sizes = t.Sizes.Take(last + 1).Select(x => Estimate.Of(x, trials)).ToList();
        return new MonteCarloResult(trials, seed, model, ordered, pairOdds, Estimate.Of(t.AnyMajor, trials), sizes,
            MeanEstimate.Of(t.SizeSum, t.SizeSquares, trials), probabilities);
    }

    /// <summary>Counts kept by one thread and merged at the end (integer sums: merge order does not matter).</summary>
    private sealed class Tally(int n, int pairs)
    {
        public readonly long[] Attacker = new long[n];
        public readonly long[] Defender = new long[n];
        public readonly long[] Supporter = new long[n];
        public readonly long[] PairHits = new long[pairs];
        public readonly long[] Sizes = new long[n + 1];
        public long AnyMajor;
        public long SizeSum;
        public long SizeSquares;

        public void Add(Tally o)
        {
            for (var i = 0; i < Attacker.Length; i++) { Attacker[i] += o.Attacker[i]; Defender[i] += o.Defender[i]; Supporter[i] += o.Supporter[i]; }
            for (var i = 0; i < PairHits.Length; i++) PairHits[i] += o.PairHits[i];
            for (var i = 0; i < Sizes.Length; i++) Sizes[i] += o.Sizes[i];
            AnyMajor += o.AnyMajor;
            SizeSum += o.SizeSum;
            SizeSquares += o.SizeSquares;
        }
    }

    /// <summary>One thread's buffers: a lane kernel and a bit-sliced counter of war sizes. Nothing is allocated per batch.</summary>
    private sealed class Worker<T>(CascadeGraph g, LaneDecisions decisions, int[] numerators, Tally tally) where T : struct, ILanes<T>
    {
        private readonly LaneKernel<T> _kernel = new(g, decisions);
        private BernoulliLanes _honour = new(numerators);
        // Bit i of slice j is bit j of lane i's war size (a counter per lane; enough slices for every state).
        private readonly T[] _size = new T[BitOperations.Log2((uint)g.StateCount) + 1];
        private readonly ulong[] _slice = new ulong[BitOperations.Log2((uint)g.StateCount) + 1];
        public Tally Tally => tally;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // as the lane kernel (LaneKernel.Run)
        public void RunBlock(Xoshiro rng, int count, int[] attackers, int[] targets, int[] events, (int A, int B)[] pairs, bool[] initial)
        {
            _honour.Reseed(rng);
            var k = _kernel;
            var major = g.IsMajor;
            for (var done = 0; done < count; done += T.Width)
            {
                var lanes = Math.Min(T.Width, count - done);
                // A last, partial batch still runs every lane (the draws stay the same) but counts only its own.
                var valid = T.First(lanes);
                k.Run(attackers, targets, events, ref _honour);
                Array.Clear(_size);
                var anyMajor = T.Zero;
                for (var s = 0; s < k.Bel.Length; s++)
                {
                    var sup = k.Sup[s] & valid;
                    if (!sup.IsZero) tally.Supporter[s] += sup.PopCount();
                    var bel = k.Bel[s] & valid;
                    if (bel.IsZero) continue;
                    var onA = (bel & k.SideA[s]).PopCount();
                    tally.Attacker[s] += onA;
                    tally.Defender[s] += bel.PopCount() - onA;
                    if (major[s] && !initial[s]) anyMajor |= bel;
                    // Ripple-carry add of one bit per lane.
                    var carry = bel;
                    for (var j = 0; !carry.IsZero; j++)
                    {
                        var t = _size[j] & carry;
                        _size[j] ^= carry;
                        carry = t;
                    }
                }
                for (var p = 0; p < pairs.Length; p++)
                {
                    var (a, b) = pairs[p];
                    tally.PairHits[p] += (k.Bel[a] & k.Bel[b] & (k.SideA[a] ^ k.SideA[b]) & valid).PopCount();
                }
                tally.AnyMajor += anyMajor.PopCount();
                // Back from bit slices to one size per lane, a word of 64 lanes at a time.
                var slice = _slice;
                for (var w = 0; w * 64 < lanes; w++)
                {
                    for (var j = 0; j < slice.Length; j++) slice[j] = _size[j].Word(w);
                    for (var lane = 0; lane < Math.Min(64, lanes - w * 64); lane++)
                    {
                        var size = 0;
                        for (var j = 0; j < slice.Length; j++) size |= (int)((slice[j] >> lane) & 1) << j;
                        tally.Sizes[size]++;
                        tally.SizeSum += size;
                        tally.SizeSquares += (long)size * size;
                    }
                }
            }
        }
    }
}
