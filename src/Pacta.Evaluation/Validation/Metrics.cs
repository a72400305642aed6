namespace Pacta.Evaluation.Validation;

/// <summary>A scored candidate: probabilities of none / attacker's side / target's side and the outcome (0, 1, 2).</summary>
public readonly record struct Scored(double None, double Attacker, double Target, int Outcome)
{
    public double P(int outcome) => outcome switch { 1 => Attacker, 2 => Target, _ => None };
}

/// <summary>The scores of docs/validation.md, "Metrics". Pure functions on scored rows.</summary>
public static class Metrics
{
    public const double Clip = 1e-12;

    /// <summary>Three-class Brier score, mean over rows (0 best, 2 worst).</summary>
    public static double Brier(IEnumerable<Scored> rows)
    {
        double sum = 0; var n = 0;
        foreach (var r in rows)
        {
            for (var c = 0; c < 3; c++)
            {
                var d = r.P(c) - (r.Outcome == c ? 1 : 0);
                sum += d * d;
            }
            n++;
        }
        return n == 0 ? double.NaN : sum / n;
    }

    /// <summary>Mean of −ln p(actual outcome), p clipped to [1e-12, 1].</summary>
    public static double LogLoss(IEnumerable<Scored> rows)
    {
        double sum = 0; var n = 0;
        foreach (var r in rows) { sum -= Math.Log(Math.Clamp(r.P(r.Outcome), Clip, 1)); n++; }
        return n == 0 ? double.NaN : sum / n;
    }

    /// <summary>Each row as two items (attacker's side, target's side): score and whether it is the outcome.</summary>
    public static IEnumerable<(double Score, bool Positive)> Items(IEnumerable<Scored> rows)
    {
        foreach (var r in rows)
        {
            yield return (r.Attacker, r.Outcome == 1);
            yield return (r.Target, r.Outcome == 2);
        }
    }

    /// <summary>
    /// Average precision: over distinct scores, highest first, the precision at that threshold times the recall it adds
    /// (tied scores are one step). NaN when there is no positive.
    /// </summary>
    public static double AveragePrecision(IEnumerable<(double Score, bool Positive)> items)
    {
        var sorted = items.OrderByDescending(i => i.Score).ToList();
        var positives = sorted.Count(i => i.Positive);
        if (positives == 0) return double.NaN;
        double ap = 0; int seen = 0, hits = 0;
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            var groupHits = 0;
            while (j < sorted.Count && sorted[j].Score == sorted[i].Score) { if (sorted[j].Positive) groupHits++; j++; }
            seen += j - i;
            hits += groupHits;
            if (groupHits > 0) ap += (double)hits / seen * groupHits / positives;
            i = j;
        }
        return ap;
    }

    /// <summary>Share of positives among the <paramref name="k"/> highest scores; a tie at the cut-off counts its expected share.</summary>
    public static double PrecisionAtK(IEnumerable<(double Score, bool Positive)> items, int k)
    {
        var sorted = items.OrderByDescending(i => i.Score).ToList();
        if (k <= 0) return double.NaN;
        double hits = 0; var taken = 0;
        for (var i = 0; i < sorted.Count && taken < k;)
        {
            var j = i;
            var groupHits = 0;
            while (j < sorted.Count && sorted[j].Score == sorted[i].Score) { if (sorted[j].Positive) groupHits++; j++; }
            var size = j - i;
            var slots = Math.Min(size, k - taken);
            hits += (double)groupHits * slots / size;
            taken += slots;
            i = j;
        }
        return hits / k;
    }

    /// <summary>Wilson score interval for <paramref name="successes"/> of <paramref name="n"/> (95 %: z = 1.959964).</summary>
    public static (double Low, double High) Wilson(int successes, int n, double z = 1.959964)
    {
        if (n == 0) return (double.NaN, double.NaN);
        var p = (double)successes / n;
        var z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// Percentile bootstrap over clusters (wars): <paramref name="resamples"/> draws of <paramref name="clusters"/>
    /// cluster indexes with replacement from <c>new Random(seed)</c>; <paramref name="statistic"/> maps a draw to one
    /// value per series (all series share each draw, so differences are paired). Returns the 2.5 % and 97.5 %
    /// percentiles per series, NaN values left out.
    /// </summary>
    public static (double Low, double High)[] Bootstrap(int clusters, int series, Func<int[], double[]> statistic, int resamples, int seed)
    {
        var rng = new Random(seed);
        var values = new List<double>[series];
        for (var s = 0; s < series; s++) values[s] = new List<double>(resamples);
        var draw = new int[clusters];
        for (var b = 0; b < resamples; b++)
        {
            for (var i = 0; i < clusters; i++) draw[i] = rng.Next(clusters);
            var v = statistic(draw);
            for (var s = 0; s < series; s++) if (!double.IsNaN(v[s])) values[s].Add(v[s]);
        }
        return values.Select(v => v.Count == 0 ? (double.NaN, double.NaN) : (Percentile(v, 0.025), Percentile(v, 0.975))).ToArray();
    }

    /// <summary>Linear interpolation between order statistics (type 7, as R's default).</summary>
    public static double Percentile(List<double> values, double q)
    {
        var s = values.OrderBy(x => x).ToList();
        var h = (s.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, s.Count - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }
}
