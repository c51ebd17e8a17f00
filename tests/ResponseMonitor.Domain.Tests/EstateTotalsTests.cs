using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Estate;
using ResponseMonitor.Domain.Metrics;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Domain.Tests;

/// <summary>The dashboard's estate totals (docs/ARCHITECTURE.md, "The dashboard over many channels"), counted by hand.</summary>
public sealed class EstateTotalsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Totals_count_the_configured_channels_only_and_pool_each_brands_listening()
    {
        // a and b are Acme's (spelled two ways), c is Zed's and never analysed; "gone" has rows but no configuration.
        ChannelDefinition[] channels = [Channel("a", "Acme"), Channel("b", "ACME"), Channel("c", "Zed")];
        var snapshots = new Dictionary<string, ChannelSnapshot>(StringComparer.OrdinalIgnoreCase)
        {
            ["A"] = Snapshot("a", open: 3, critical: 1, week: Sample(received: 4, listened: 1), month: Sample(received: 10, listened: 5)),
            ["b"] = Snapshot("b", open: 2, critical: 2, week: Sample(received: 4, listened: 3), month: null),
            ["gone"] = Snapshot("gone", open: 50, critical: 50, week: null, month: null),
        };
        var warnings = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["a"] = 2, ["C"] = 1, ["gone"] = 7 };

        var totals = EstateTotals.Compute(channels, snapshots, warnings, Now);

        Assert.Equal((Now, 3, 5, 3, 3), (totals.ComputedAt, totals.Channels, totals.OpenCount, totals.CriticalOpenCount, totals.ActiveWarningCount));
        Assert.Equal(["Acme", "Zed"], totals.Brands.Select(b => b.Brand));
        var acme = totals.Brands[0];
        Assert.Equal(2, acme.Channels);
        // 7 days: (1 + 3) listened of (4 + 4) received = 50 %; 30 days: only a has a sample, 5 of 10.
        Assert.Equal((8, 4, 50.0), (acme.Week!.CommentsReceived, acme.Week.Listened, acme.Week.Score));
        Assert.Equal((10, 5, 50.0), (acme.Month!.CommentsReceived, acme.Month.Listened, acme.Month.Score));
        Assert.Equal(new BrandTotals("Zed", 1, null, null), totals.Brands[1]);
    }

    private static ChannelDefinition Channel(string id, string brand) => new()
    {
        Id = id,
        Name = id,
        Kind = ChannelKinds.GenericFeed,
        Brand = brand,
        BrandAuthorIds = new HashSet<string> { "brand" },
    };

    private static ChannelSnapshot Snapshot(string id, int open, int critical, ListeningSample? week, ListeningSample? month) => new()
    {
        ChannelId = id,
        AnalyzedAt = Now,
        WindowStart = Now.AddDays(-30),
        OpenCount = open,
        CriticalOpenCount = critical,
        Listening7 = week,
        Listening30 = month,
    };

    private static ListeningSample Sample(int received, int listened) => new() { Received = received, Answered = listened, Listened = listened };
}
