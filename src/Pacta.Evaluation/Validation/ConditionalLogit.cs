namespace Pacta.Evaluation.Validation;

/// <summary>One candidate for the fit: features towards each side and the outcome (0 none, 1 attacker's side, 2 target's).</summary>
public readonly record struct LogitRow(double[] Attacker, double[] Target, int Outcome);

/// <summary>
/// A conditional (alternative-specific) logit with three outcomes, "none" the reference (η = 0), one coefficient
/// vector for both sides: P(side X) = exp(β·f_X) / (1 + exp(β·f_A) + exp(β·f_T)). Fitted by Newton–Raphson with a
/// ridge penalty on every coefficient but the first (the intercept); docs/validation.md gives the rules.
/// </summary>
public static class ConditionalLogit
{
    public const double DefaultRidge = 1.0;

    /// <summary>(P none, P attacker's side, P target's side).</summary>
    public static (double None, double Attacker, double Target) Predict(IReadOnlyList<double> beta, double[] attacker, double[] target)
    {
        double ea = Dot(beta, attacker), et = Dot(beta, target);
        var max = Math.Max(0, Math.Max(ea, et));
        double z0 = Math.Exp(-max), za = Math.Exp(ea - max), zt = Math.Exp(et - max), sum = z0 + za + zt;
        return (z0 / sum, za / sum, zt / sum);
    }

    public static double[] Fit(IReadOnlyList<LogitRow> rows, int features, double ridge = DefaultRidge, int maxIterations = 100, double tolerance = 1e-10, IReadOnlyList<double>? start = null)
    {
        var beta = start?.ToArray() ?? new double[features];
        var objective = Objective(rows, beta, ridge);
        for (var it = 0; it < maxIterations; it++)
        {
            var grad = new double[features];
            var info = new double[features, features];
            foreach (var r in rows)
            {
                var (_, pa, pt) = Predict(beta, r.Attacker, r.Target);
                double ya = r.Outcome == 1 ? 1 : 0, yt = r.Outcome == 2 ? 1 : 0;
                var m = new double[features];
                for (var j = 0; j < features; j++)
                {
                    grad[j] += (ya - pa) * r.Attacker[j] + (yt - pt) * r.Target[j];
                    m[j] = pa * r.Attacker[j] + pt * r.Target[j];
                }
                for (var j = 0; j < features; j++)
                    for (var k = 0; k <= j; k++)
                        info[j, k] += pa * r.Attacker[j] * r.Attacker[k] + pt * r.Target[j] * r.Target[k] - m[j] * m[k];
            }
            for (var j = 0; j < features; j++)
            {
                for (var k = 0; k < j; k++) info[k, j] = info[j, k];
                if (j > 0) { grad[j] -= ridge * beta[j]; info[j, j] += ridge; }
            }
            var step = Solve(info, grad);
            // Step halving keeps every iteration an ascent of the penalised log-likelihood.
            double next = double.NegativeInfinity;
            var trial = new double[features];
            for (var scale = 1.0; scale > 1e-6; scale /= 2)
            {
                for (var j = 0; j < features; j++) trial[j] = beta[j] + scale * step[j];
                next = Objective(rows, trial, ridge);
                if (next >= objective - 1e-12) break;
            }
            if (next < objective - 1e-12) break;
            Array.Copy(trial, beta, features);
            var done = Math.Abs(next - objective) < tolerance;
            objective = next;
            if (done) break;
        }
        return beta;
    }

    /// <summary>The penalised log-likelihood.</summary>
    public static double Objective(IReadOnlyList<LogitRow> rows, IReadOnlyList<double> beta, double ridge)
    {
        var ll = 0.0;
        foreach (var r in rows)
        {
            var (p0, pa, pt) = Predict(beta, r.Attacker, r.Target);
            ll += Math.Log(r.Outcome switch { 1 => pa, 2 => pt, _ => p0 });
        }
        for (var j = 1; j < beta.Count; j++) ll -= ridge / 2 * beta[j] * beta[j];
        return ll;
    }

    private static double Dot(IReadOnlyList<double> a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < b.Length; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>Solves A x = b for a symmetric positive-definite A (Cholesky).</summary>
    internal static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j <= i; j++)
            {
                var s = a[i, j];
                for (var k = 0; k < j; k++) s -= l[i, k] * l[j, k];
                if (i == j) l[i, i] = Math.Sqrt(Math.Max(s, 1e-300));
                else l[i, j] = s / l[j, j];
            }
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++) s -= l[i, k] * y[k];
            y[i] = s / l[i, i];
        }
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var s = y[i];
            for (var k = i + 1; k < n; k++) s -= l[k, i] * x[k];
            x[i] = s / l[i, i];
        }
        return x;
    }
}
