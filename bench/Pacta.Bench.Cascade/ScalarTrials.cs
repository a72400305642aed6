using Pacta.Evaluation.Cascade;

namespace Pacta.Bench.Cascade;

/// <summary>
/// Monte Carlo trials one at a time on the one-trial kernel (<see cref="CascadeKernel"/>), for the bench's scalar
/// figure beside the lane kernel's: each decision of the join model is drawn lazily, once per trial, the first time the
/// kernel asks for it. Returns the mean war size (belligerents), to compare with the lane kernel's estimate.
/// </summary>
internal sealed class ScalarTrials(CascadeGraph g, CascadeStart start, DecisionUnits units)
{
    private readonly CascadeKernel _kernel = new(g, units);
    private readonly int[] _attackers = [.. start.Attackers.Select(s => g.IndexOf(s.Cow))];
    private readonly int[] _targets = [.. start.Targets.Select(s => g.IndexOf(s.Cow))];
    private readonly int[] _events = [.. start.Events(g)];

    public double Run(long trials, ulong seed)
    {
        var draws = new LazyDraws(units, seed);
        long size = 0;
        for (long t = 0; t < trials; t++)
        {
            draws.NextTrial();
            _kernel.Run(_attackers, _targets, _events, ref draws);
            foreach (var s in _kernel.Touched)
                if (_kernel.Role[s] == (byte)CascadeRole.Belligerent) size++;
        }
        return (double)size / trials;
    }

    /// <summary>A decision's outcome, drawn the first time a trial asks and kept for the rest of the trial (a stamp per decision: nothing is cleared between trials).</summary>
    private struct LazyDraws : IHonour
    {
        private readonly int[] _stamp;
        private readonly bool[] _outcome;
        private readonly ulong[] _threshold;
        private Xoshiro _rng;
        private int _trial;

        public LazyDraws(DecisionUnits units, ulong seed)
        {
            _stamp = new int[units.Count];
            _outcome = new bool[units.Count];
            _threshold = new ulong[units.Count];
            for (var d = 0; d < units.Count; d++) _threshold[d] = (ulong)(units.P(d) * (1UL << 53));
            _rng = new Xoshiro(seed);
            _trial = 0;
        }

        public void NextTrial()
        {
            if (++_trial == int.MaxValue) { Array.Clear(_stamp); _trial = 1; }
        }

        public bool Honoured(int decision)
        {
            if (_stamp[decision] != _trial)
            {
                _stamp[decision] = _trial;
                _outcome[decision] = (_rng.Next() >> 11) < _threshold[decision];
            }
            return _outcome[decision];
        }
    }
}
