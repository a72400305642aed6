using Pacta.Domain;

namespace Pacta.Tests.Evaluation;

/// <summary>Date + duration arithmetic saturates at the calendar's end instead of throwing (issue 11, row 5).</summary>
public sealed class DateArithmeticTests
{
    [Fact]
    public void AddTo_InstantPlusNineThousandYears_SaturatesToMaxValue()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(DateTimeOffset.MaxValue, IsoDuration.Parse("P9000Y").AddTo(start));
    }

    [Fact]
    public void AddTo_SeventyTwoHoursFromTheLastDaysOf9999_SaturatesToMaxValue()
    {
        var start = new DateTimeOffset(9999, 12, 29, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(DateTimeOffset.MaxValue, IsoDuration.Parse("PT72H").AddTo(start));
        Assert.Equal(new DateTimeOffset(9999, 12, 30, 12, 0, 0, TimeSpan.Zero), IsoDuration.Parse("PT24H").AddTo(start));
    }

    [Fact]
    public void AddTo_DayPlusDurationPastTheYear9999_SaturatesToMaxValue()
    {
        Assert.Equal(DateOnly.MaxValue, IsoDuration.Parse("P9000Y").AddTo(new DateOnly(2020, 2, 1)));
        Assert.Equal(DateOnly.MaxValue, IsoDuration.Parse("P2147483647D").AddTo(new DateOnly(2020, 2, 1)));
        Assert.Equal(new DateOnly(2030, 2, 1), IsoDuration.Parse("P10Y").AddTo(new DateOnly(2020, 2, 1)));
    }

    [Fact]
    public void LastDay_DurationPastTheYear9999_IsTheCalendarsLastDay()
    {
        var dates = new AgreementDates(null, new DateOnly(2020, 2, 1), null, null, IsoDuration.Parse("P9000Y"), null, null);
        Assert.Equal(DateOnly.MaxValue, dates.LastDay);
        Assert.True(dates.InForceSpan.Contains(new DateOnly(9999, 12, 31)));
    }

    [Fact]
    public void LongerThanYears_CountsEveryPartOfTheDuration()
    {
        Assert.False(IsoDuration.Parse("P1000Y").LongerThanYears(1000));
        Assert.True(IsoDuration.Parse("P1000Y1D").LongerThanYears(1000));
        Assert.True(IsoDuration.Parse("PT2147483647H").LongerThanYears(1000));
        Assert.False(IsoDuration.Parse("PT72H").LongerThanYears(1000));
    }
}
