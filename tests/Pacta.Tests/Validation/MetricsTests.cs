using Pacta.Evaluation.Validation;

namespace Pacta.Tests.Validation;

/// <summary>The validation's scores on cases small enough to compute by hand.</summary>
public sealed class MetricsTests
{
    private static readonly Scored[] Two = [new(0.7, 0.2, 0.1, 0), new(0.5, 0.1, 0.4, 2)];

    [Fact]
    public void Brier_ThreeClasses_MeanOfSquaredErrors()
    {
        // (0.3² + 0.2² + 0.1²) = 0.14 and (0.5² + 0.1² + 0.6²) = 0.62; mean 0.38.
        Assert.Equal(0.38, Metrics.Brier(Two), 12);
    }

    [Fact]
    public void LogLoss_MeanOfMinusLogOfTheActualOutcome()
    {
        Assert.Equal(-(Math.Log(0.7) + Math.Log(0.4)) / 2, Metrics.LogLoss(Two), 12);
        Assert.Equal(-Math.Log(Metrics.Clip), Metrics.LogLoss([new Scored(1, 0, 0, 1)]), 9);
    }

    [Fact]
    public void AveragePrecision_DistinctScores_AndTiesAsOneStep()
    {
        // Hits at ranks 1 and 3 of 4: (1/1 + 2/3) / 2.
        Assert.Equal((1 + 2.0 / 3) / 2, Metrics.AveragePrecision([(0.9, true), (0.8, false), (0.7, true), (0.6, false)]), 12);
        // A tie of a hit and a miss at the top is one step: precision 1/2 there, then 2/3.
        Assert.Equal(0.5 * 0.5 + 2.0 / 3 * 0.5, Metrics.AveragePrecision([(0.9, false), (0.9, true), (0.5, true)]), 12);
        Assert.True(double.IsNaN(Metrics.AveragePrecision([(0.9, false)])));
    }

    [Fact]
    public void Items_EachRowGivesBothSides()
    {
        var items = Metrics.Items(Two).ToList();
        Assert.Equal([(0.2, false), (0.1, false), (0.1, false), (0.4, true)], items);
    }

    [Fact]
    public void PrecisionAtK_TieAtTheCutOff_CountsItsExpectedShare()
    {
        // One sure hit, then one slot left for a tie of three holding one hit: 1 + 1/3, over k = 2.
        Assert.Equal((1 + 1.0 / 3) / 2, Metrics.PrecisionAtK([(0.9, true), (0.5, true), (0.5, false), (0.5, false)], 2), 12);
        Assert.Equal(0.2, Metrics.PrecisionAtK([(0.9, true), (0.1, false)], 5), 12);
    }

    [Fact]
    public void Wilson_SevenOfTen()
    {
        var (low, high) = Metrics.Wilson(7, 10);
        Assert.Equal(0.396778, low, 5);
        Assert.Equal(0.892209, high, 5);
        Assert.Equal((0.0, 0.0), (Metrics.Wilson(0, 10).Low, Math.Round(Metrics.Wilson(10, 10).High - 1, 12)));
    }

    [Fact]
    public void Bootstrap_SameSeedSameIntervals_OtherSeedOthers()
    {
        double[] values = [0.1, 0.5, 0.9, 0.3, 0.7];
        double[] Mean(int[] draw) => [draw.Average(i => values[i])];

        var a = Metrics.Bootstrap(values.Length, 1, Mean, 200, 20261202);
        var b = Metrics.Bootstrap(values.Length, 1, Mean, 200, 20261202);
        var c = Metrics.Bootstrap(values.Length, 1, Mean, 200, 7);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.InRange(a[0].Low, 0.1, 0.5);
        Assert.InRange(a[0].High, 0.5, 0.9);
        // A statistic that does not depend on the draw has a zero-width interval.
        Assert.Equal((0.5, 0.5), Metrics.Bootstrap(4, 1, _ => [0.5], 50, 1)[0]);
    }

    [Fact]
    public void Percentile_InterpolatesBetweenOrderStatistics()
    {
        Assert.Equal(2.5, Metrics.Percentile([4, 1, 3, 2], 0.5), 12);
        Assert.Equal(1.075, Metrics.Percentile([4, 1, 3, 2], 0.025), 12);
    }
}
