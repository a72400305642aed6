namespace Pacta.Evaluation.Cascade;

/// <summary>A proportion from <see cref="Trials"/> trials with its 95 % Wilson score interval.</summary>
public readonly record struct Estimate(long Hits, long Trials, double P, double Low, double High)
{
    private const double Z = 1.959963984540054;

    public static Estimate Of(long hits, long trials)
    {
        if (trials == 0) return new(0, 0, double.NaN, double.NaN, double.NaN);
        var n = (double)trials;
        var p = hits / n;
        var d = 1 + Z * Z / n;
        var centre = (p + Z * Z / (2 * n)) / d;
        var half = Z * Math.Sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / d;
        return new(hits, trials, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

/// <summary>A mean with its 95 % normal-approximation interval.</summary>
public readonly record struct MeanEstimate(double Mean, double Low, double High)
{
    public static MeanEstimate Of(double sum, double sumSquares, long n)
    {
        if (n == 0) return new(double.NaN, double.NaN, double.NaN);
        var mean = sum / n;
        var variance = n > 1 ? Math.Max(0, (sumSquares - n * mean * mean) / (n - 1)) : 0;
        var half = 1.959963984540054 * Math.Sqrt(variance / n);
        return new(mean, mean - half, mean + half);
    }
}
