using Pacta.Evaluation.Cascade;

namespace Pacta.Evaluation.Validation;

/// <summary>Where a score was measured: the train split (in sample), the test split, or leave-one-war-out over all wars.</summary>
public enum ValidationSplit { Train, Test, LeaveOneWarOut }

/// <summary>A point estimate with its 95 % bootstrap interval (NaN when undefined).</summary>
public readonly record struct Interval(double Value, double Low, double High);

/// <summary>The scores of one model on one split (docs/validation.md, "Metrics").</summary>
public sealed record ModelMetrics(
    string Model, ValidationSplit Split, int Wars, int Rows, int Joiners,
    Interval Brier, Interval BrierSkill, Interval LogLoss, Interval AveragePrecision, Interval PrecisionAt5,
    double PerWarBrier, double PerWarLogLoss, double PerWarAveragePrecision);

/// <summary>A candidate's prediction by the joining model (the <c>--json</c> "predictions" rows).</summary>
public sealed record JoinPrediction(int War, int State, double PAttacker, double PTarget, int Outcome, bool Test);

/// <summary>The joining model's scores on one war: from the train fit (<see cref="Test"/> says which split) and leave-one-war-out.</summary>
public sealed record WarMetrics(int War, string Name, bool Test, int Candidates, int Joiners,
    double Brier, double LogLoss, double AveragePrecision, double PrecisionAt5, double LowoBrier, double LowoLogLoss, double LowoAveragePrecision);

public sealed record JoinValidationReport(
    IReadOnlyList<WarUniverse> Wars, IReadOnlyList<double> Coefficients, IReadOnlyList<JoinPrediction> Predictions,
    IReadOnlyList<ModelMetrics> Metrics, IReadOnlyList<WarMetrics> PerWar, int Resamples, int Seed);

/// <summary>
/// Scores the joining model and the baselines on the universe: train (before 1945), test (from 1945) and
/// leave-one-war-out, with war-bootstrap intervals. Deterministic for a given seed.
/// </summary>
public static class JoinValidation
{
    public const int DefaultResamples = 1000;
    public const int DefaultSeed = 20261202;
    public const string Logistic = "logistic (joining model)";
    public const string Climatology = "climatology";
    public const string Chain = "cascade with fitted join model";

    /// <summary>The rule baselines: the side pattern a rule gives a candidate (0 neither, 1 attacker's, 2 target's).</summary>
    public static readonly IReadOnlyList<(string Name, Func<JoinCandidate, int> Pattern)> Rules =
    [
        (Climatology, _ => 0),
        ("defence pact with target", c => c.Situation.Target[2] > 0 ? 2 : 0),
        ("any alliance", c => c.AllyTarget ? 2 : c.AllyAttacker ? 1 : 0),
        ("contiguity", c => c.Situation.Target[10] > 0 ? 2 : c.Situation.Attacker[10] > 0 ? 1 : 0),
        ("allies plus contiguity", c => c.AllyTarget && c.Situation.Target[10] > 0 ? 2 : c.AllyAttacker && c.Situation.Attacker[10] > 0 ? 1 : 0),
        ("major powers", c => c.Situation.Target[12] > 0 ? 2 : 0),
        ("cascade (deterministic)", c => (int)c.Cascade),
    ];

    public static IReadOnlyList<LogitRow> Rows(IEnumerable<WarUniverse> wars) =>
        wars.SelectMany(w => w.Candidates).Select(c => new LogitRow(c.Situation.Attacker, c.Situation.Target, c.Outcome)).ToList();

    /// <summary>The shipped fit: the train split (wars before 1945).</summary>
    public static double[] FitTrain(IReadOnlyList<WarUniverse> wars, double ridge = ConditionalLogit.DefaultRidge) =>
        ConditionalLogit.Fit(Rows(wars.Where(w => !w.Test)), JoinFeatures.Count, ridge);

    /// <summary>
    /// Scores every model. With <paramref name="chainTrials"/> &gt; 0 (and <paramref name="contiguity"/>), the cascade's
    /// Monte Carlo with <see cref="FittedJoinModel"/> is scored too: P(side) = (trials on that side + ½) / (trials + 1½).
    /// </summary>
    public static JoinValidationReport Run(IReadOnlyList<WarUniverse> wars, IReadOnlyList<double> coefficients,
        int resamples = DefaultResamples, int seed = DefaultSeed, double ridge = ConditionalLogit.DefaultRidge,
        int chainTrials = 0, Contiguity? contiguity = null)
    {
        // scored[model][war index] — train/test from the train fit, LOWO from fits without the war.
        var names = Rules.Select(r => r.Name).Append(Logistic).ToList();
        var chain = chainTrials > 0 && contiguity is not null;
        if (chain) names.Add(Chain);
        var split = new Scored[names.Count][][];
        var lowo = new Scored[names.Count][][];
        for (var m = 0; m < names.Count; m++) { split[m] = new Scored[wars.Count][]; lowo[m] = new Scored[wars.Count][]; }

        var train = wars.Select((w, i) => (w, i)).Where(x => !x.w.Test).Select(x => x.i).ToList();
        for (var r = 0; r < Rules.Count; r++)
        {
            var pattern = Rules[r].Pattern;
            var perWar = wars.Select(w => Counts(w, pattern)).ToList();
            var trainTable = Sum(train.Select(i => perWar[i]));
            var all = Sum(perWar);
            for (var i = 0; i < wars.Count; i++)
            {
                split[r][i] = Apply(wars[i], pattern, trainTable);
                lowo[r][i] = Apply(wars[i], pattern, Subtract(all, perWar[i]));
            }
        }
        var lg = names.IndexOf(Logistic);
        var predictions = new List<JoinPrediction>();
        for (var i = 0; i < wars.Count; i++)
        {
            split[lg][i] = wars[i].Candidates.Select(c => Score(coefficients, c)).ToArray();
            foreach (var (c, s) in wars[i].Candidates.Zip(split[lg][i]))
                predictions.Add(new JoinPrediction(wars[i].War.Number, c.State.Cow, s.Attacker, s.Target, c.Outcome, wars[i].Test));
        }
        for (var i = 0; i < wars.Count; i++)
        {
            var beta = ConditionalLogit.Fit(Rows(wars.Where((_, j) => j != i)), JoinFeatures.Count, ridge, start: coefficients);
            lowo[lg][i] = wars[i].Candidates.Select(c => Score(beta, c)).ToArray();
            if (chain)
            {
                var ch = names.IndexOf(Chain);
                split[ch][i] = ChainScores(wars[i], coefficients, contiguity!, chainTrials, (ulong)(seed + wars[i].War.Number));
                lowo[ch][i] = ChainScores(wars[i], beta, contiguity!, chainTrials, (ulong)(seed + wars[i].War.Number));
            }
        }

        var metrics = new List<ModelMetrics>();
        var test = wars.Select((w, i) => (w, i)).Where(x => x.w.Test).Select(x => x.i).ToList();
        var everything = Enumerable.Range(0, wars.Count).ToList();
        metrics.AddRange(Measure(names, split, train, ValidationSplit.Train, resamples, seed));
        metrics.AddRange(Measure(names, split, test, ValidationSplit.Test, resamples, seed));
        metrics.AddRange(Measure(names, lowo, everything, ValidationSplit.LeaveOneWarOut, resamples, seed));
        var scoresByWar = wars.Select((w, i) => new WarMetrics(w.War.Number, w.War.Name, w.Test, w.Candidates.Count, w.Candidates.Count(c => c.Outcome != 0),
            Metrics.Brier(split[lg][i]), Metrics.LogLoss(split[lg][i]), Metrics.AveragePrecision(Metrics.Items(split[lg][i])),
            Metrics.PrecisionAtK(Metrics.Items(split[lg][i]), 5),
            Metrics.Brier(lowo[lg][i]), Metrics.LogLoss(lowo[lg][i]), Metrics.AveragePrecision(Metrics.Items(lowo[lg][i])))).ToList();
        return new JoinValidationReport(wars, coefficients, predictions, metrics, scoresByWar, resamples, seed);
    }

    /// <summary>The cascade's Monte Carlo with the fitted join model on a war's graph, as smoothed side frequencies per candidate.</summary>
    public static Scored[] ChainScores(WarUniverse w, IReadOnlyList<double> beta, Contiguity contiguity, int trials, ulong seed)
    {
        var g = w.Graph ?? throw new InvalidOperationException("the war has no cascade graph");
        var start = w.Start!;
        var mc = MonteCarlo.Run(g, start, HonourModel.Of(HonourPresets.Default), trials, seed, [], threads: 1,
            joins: new FittedJoinModel(beta, start, contiguity));
        var odds = mc.States.ToDictionary(s => s.State.Cow);
        var n = trials + 1.5;
        return w.Candidates.Select(c =>
        {
            double a = 0, t = 0;
            if (odds.TryGetValue(c.State.Cow, out var o)) (a, t) = (o.AttackerSide.Hits, o.DefenderSide.Hits);
            return new Scored((trials - a - t + 0.5) / n, (a + 0.5) / n, (t + 0.5) / n, c.Outcome);
        }).ToArray();
    }

    public static Scored Score(IReadOnlyList<double> beta, JoinCandidate c)
    {
        var (p0, pa, pt) = ConditionalLogit.Predict(beta, c.Situation.Attacker, c.Situation.Target);
        return new Scored(p0, pa, pt, c.Outcome);
    }

    // counts[pattern * 3 + outcome]
    private static double[] Counts(WarUniverse w, Func<JoinCandidate, int> pattern)
    {
        var t = new double[9];
        foreach (var c in w.Candidates) t[pattern(c) * 3 + c.Outcome]++;
        return t;
    }

    private static double[] Sum(IEnumerable<double[]> tables)
    {
        var t = new double[9];
        foreach (var x in tables) for (var i = 0; i < 9; i++) t[i] += x[i];
        return t;
    }

    private static double[] Subtract(double[] a, double[] b) => a.Zip(b, (x, y) => x - y).ToArray();

    /// <summary>P(outcome | pattern) from the table's frequencies with add-½ smoothing.</summary>
    private static Scored[] Apply(WarUniverse w, Func<JoinCandidate, int> pattern, double[] table) =>
        w.Candidates.Select(c =>
        {
            var g = pattern(c);
            var n = table[g * 3] + table[g * 3 + 1] + table[g * 3 + 2] + 1.5;
            return new Scored((table[g * 3] + 0.5) / n, (table[g * 3 + 1] + 0.5) / n, (table[g * 3 + 2] + 0.5) / n, c.Outcome);
        }).ToArray();

    private static IEnumerable<ModelMetrics> Measure(List<string> names, Scored[][][] scored, List<int> wars, ValidationSplit split, int resamples, int seed)
    {
        var models = names.Select((_, m) => new WarScores(wars.Select(i => scored[m][i]).ToList())).ToList();
        var climatology = names.IndexOf(Climatology);
        var k = names.Count;
        // Per series: brier, skill, log-loss, AP, P@5 for each model.
        double[] Statistic(double[] weights)
        {
            var v = new double[5 * k];
            var climBrier = models[climatology].Brier(weights);
            for (var m = 0; m < k; m++)
            {
                var b = models[m].Brier(weights);
                v[5 * m] = b;
                v[5 * m + 1] = 1 - b / climBrier;
                v[5 * m + 2] = models[m].LogLoss(weights);
                v[5 * m + 3] = models[m].AveragePrecision(weights);
                v[5 * m + 4] = models[m].PrecisionAt5(weights);
            }
            return v;
        }
        var ones = Enumerable.Repeat(1.0, wars.Count).ToArray();
        var point = Statistic(ones);
        var intervals = Metrics.Bootstrap(wars.Count, 5 * k, draw =>
        {
            var w = new double[wars.Count];
            foreach (var d in draw) w[d]++;
            return Statistic(w);
        }, resamples, seed);
        for (var m = 0; m < k; m++)
        {
            Interval I(int s) => new(point[5 * m + s], intervals[5 * m + s].Low, intervals[5 * m + s].High);
            var rows = models[m].Rows;
            yield return new ModelMetrics(names[m], split, wars.Count, rows.Sum(r => r.Length), rows.Sum(r => r.Count(x => x.Outcome != 0)),
                I(0), I(1), I(2), I(3), I(4),
                Mean(rows.Select(r => Metrics.Brier(r))), Mean(rows.Select(r => Metrics.LogLoss(r))),
                Mean(rows.Select(r => Metrics.AveragePrecision(Metrics.Items(r)))));
        }
    }

    private static double Mean(IEnumerable<double> xs)
    {
        var list = xs.Where(x => !double.IsNaN(x)).ToList();
        return list.Count == 0 ? double.NaN : list.Average();
    }

    /// <summary>One model's scores on a list of wars, prepared so that a bootstrap draw (a weight per war) costs one pass.</summary>
    private sealed class WarScores
    {
        private readonly double[] _n, _brier, _logLoss, _p5;
        private readonly (double Score, bool Positive, int War)[] _items;

        public WarScores(List<Scored[]> rows)
        {
            Rows = rows;
            _n = rows.Select(r => (double)r.Length).ToArray();
            _brier = rows.Select(r => r.Length == 0 ? 0 : Metrics.Brier(r) * r.Length).ToArray();
            _logLoss = rows.Select(r => r.Length == 0 ? 0 : Metrics.LogLoss(r) * r.Length).ToArray();
            _p5 = rows.Select(r => Metrics.PrecisionAtK(Metrics.Items(r), 5)).ToArray();
            _items = rows.SelectMany((r, w) => Metrics.Items(r).Select(i => (i.Score, i.Positive, w))).OrderByDescending(i => i.Score).ToArray();
        }

        public List<Scored[]> Rows { get; }

        private double Weighted(double[] sums, double[] weights)
        {
            double s = 0, n = 0;
            for (var i = 0; i < weights.Length; i++) { s += weights[i] * sums[i]; n += weights[i] * _n[i]; }
            return n == 0 ? double.NaN : s / n;
        }

        public double Brier(double[] weights) => Weighted(_brier, weights);
        public double LogLoss(double[] weights) => Weighted(_logLoss, weights);

        public double PrecisionAt5(double[] weights)
        {
            double s = 0, n = 0;
            for (var i = 0; i < weights.Length; i++) { s += weights[i] * _p5[i]; n += weights[i]; }
            return n == 0 ? double.NaN : s / n;
        }

        /// <summary><see cref="Metrics.AveragePrecision"/> with each item counted as often as its war was drawn.</summary>
        public double AveragePrecision(double[] weights)
        {
            double positives = 0;
            foreach (var it in _items) if (it.Positive) positives += weights[it.War];
            if (positives == 0) return double.NaN;
            double ap = 0, seen = 0, hits = 0;
            for (var i = 0; i < _items.Length;)
            {
                var j = i;
                double group = 0;
                while (j < _items.Length && _items[j].Score == _items[i].Score)
                {
                    var w = weights[_items[j].War];
                    seen += w;
                    if (_items[j].Positive) group += w;
                    j++;
                }
                hits += group;
                if (group > 0) ap += hits / seen * group / positives;
                i = j;
            }
            return ap;
        }
    }
}
