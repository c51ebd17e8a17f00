using ResponseMonitor.Domain.Analysis;

namespace ResponseMonitor.Domain.Tests;

public sealed class PercentileTests
{
    private static List<TimeSpan> Minutes(params int[] values) => values.Select(v => TimeSpan.FromMinutes(v)).ToList();

    [Theory]
    [InlineData(0.5, 25.0)]   // h = 1.5 → 20 + 0.5 × 10
    [InlineData(0.9, 37.0)]   // h = 2.7 → 30 + 0.7 × 10
    [InlineData(0.0, 10.0)]
    [InlineData(1.0, 40.0)]
    public void Interpolates_between_closest_ranks(double p, double expectedMinutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), Percentile.Of(Minutes(10, 20, 30, 40), p));
    }

    [Fact]
    public void Odd_count_median_is_the_middle_value() => Assert.Equal(TimeSpan.FromMinutes(7), Percentile.Of(Minutes(1, 7, 100), 0.5));

    [Fact]
    public void Single_value_is_every_percentile() => Assert.Equal(TimeSpan.FromMinutes(5), Percentile.Of(Minutes(5), 0.9));

    [Fact]
    public void Empty_has_no_percentile() => Assert.Null(Percentile.Of([], 0.5));
}
