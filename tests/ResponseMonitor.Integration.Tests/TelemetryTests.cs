using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.Domain.Telemetry;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>The custom metrics report what docs/DEPLOY.md says they do, tagged by channel.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Poll_and_analysis_emit_ingested_open_oldest_age_warnings_and_failures_per_channel()
    {
        var now = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(now);
        await using var good = await LoopbackServer.StartAsync();
        good.Handler = ctx => Feed.Write(ctx, Feed.Page(
        [
            Feed.Post("p", "brand", now.AddHours(-2)),
            Feed.Comment("c", "p", "u1", now.AddHours(-30), "Still waiting for my refund, worst service!"),
        ]));
        await using var broken = await LoopbackServer.StartAsync();
        broken.Handler = ctx => Feed.Write(ctx, "{}", StatusCodes.Status500InternalServerError);
        await using var app = await TestApp.StartAsync(TestApp.Merge(TestApp.Channel(0, "good", good.Url("/feed")), TestApp.Channel(1, "broken", broken.Url("/feed"))), time);

        var measurements = new ConcurrentBag<(string Instrument, double Value, string? Channel)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MonitorMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? channel = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "channel")
                {
                    channel = tag.Value as string;
                }
            }

            measurements.Add((instrument.Name, value, channel));
        }

        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();

        await app.Get<App.Functions.PollChannelsFunction>().RunAsync(CancellationToken.None);
        await TestApp.DrainPollQueueAsync(app);
        await app.Get<App.Functions.AnalyzeChannelFunction>().RunAsync("{\"channelId\":\"good\",\"reason\":\"t\",\"requestedAt\":\"2026-03-10T12:00:00Z\"}", CancellationToken.None);

        Assert.Contains(("responsemonitor.comments.ingested", 2.0, "good"), measurements);
        Assert.Contains(("responsemonitor.poll.failures", 1.0, "broken"), measurements);
        Assert.Contains(("responsemonitor.comments.open", 1.0, "good"), measurements);
        Assert.Contains(("responsemonitor.comments.oldest_open_age", 30 * 3600.0, "good"), measurements);
        Assert.Contains(("responsemonitor.warnings.raised", 1.0, "good"), measurements);
    }
}
