using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// Platform connectors re-read a look-back window every cycle (docs/CHANNELS.md): what comes again unchanged is
/// neither written nor counted as stored, so a quiet channel queues no analysis; a new or edited item still is.
/// </summary>
public sealed class LookBackTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddHours(-3);

    [Fact]
    public async Task Every_platform_kind_of_the_demo_stores_nothing_when_polled_again_unchanged()
    {
        var port = AzuriteEnvironment.FreePort();
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Demo:Enabled"] = "true",
            ["Demo:BaseUrl"] = $"http://127.0.0.1:{port}",
        });
        var poller = app.Get<ChannelPoller>();

        // The demo serves each platform in its own wire format on loopback; the real connectors read it.
        var first = await poller.PollAllAsync(CancellationToken.None);
        Assert.All(first.Channels, c => Assert.True(c.Succeeded && c.ItemsStored > 0, $"{c.ChannelId}: {c.Error}"));
        // Nine channels: the eight platform kinds, and a second generic feed (the blog that posts without listening).
        Assert.Equal(9, first.Channels.Count);

        var again = await poller.PollAllAsync(CancellationToken.None);
        Assert.All(again.Channels, c => Assert.True(c.Succeeded && c.ItemsStored == 0, $"{c.ChannelId} stored {c.ItemsStored} unchanged items: {c.Error}"));
    }

    [Fact]
    public async Task A_look_back_sent_again_stores_nothing_but_an_edit_or_a_new_comment_in_it_is_stored()
    {
        await using var feed = await LoopbackServer.StartAsync();
        var items = new List<System.Text.Json.Nodes.JsonObject>
        {
            Feed.Post("p1", "brand", T0),
            Feed.Comment("c1", "p1", "u1", T0.AddMinutes(5), "Where is my order?"),
            Feed.Comment("c2", "p1", "u2", T0.AddMinutes(6), "Nice"),
        };

        // A source that ignores 'since' and always sends its last items, as a platform's look-back does.
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(items));
        var counter = new StorageRequestCounter();
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed")), configure: services => services.AddSingleton<Azure.Core.Pipeline.HttpPipelinePolicy>(counter));
        var poller = app.Get<ChannelPoller>();
        Assert.Equal(3, (await poller.PollAllAsync(CancellationToken.None)).ItemsStored);
        await app.Get<Domain.Analysis.ChannelAnalysisService>().AnalyzeAsync("ch", CancellationToken.None);

        counter.Reset();
        var quiet = await poller.PollAllAsync(CancellationToken.None);
        Assert.Equal(0, quiet.ItemsStored);
        Assert.Empty(quiet.AnalysisRequested);

        // The cycle's two reads (states, snapshots), one query for the three stored items, the state's write: no item
        // write, no erased-author read, no analysis message.
        Assert.Equal(4, counter.Count);

        items[1]["editedAt"] = T0.AddMinutes(30).ToString("O", CultureInfo.InvariantCulture);
        items[1]["text"] = "Where is my order? It is a week late.";
        items.Add(Feed.Comment("c3", "p1", "u3", T0.AddMinutes(40)));
        counter.Reset();
        var changed = await poller.PollAllAsync(CancellationToken.None);
        Assert.Equal(2, changed.ItemsStored);
        // The cycle's two reads, one query for the four items sent (which also gives the versions of the two that
        // changed: they were read again one by one before, 11 in all), the erased-author read, the parent's point read,
        // the batch upsert, the state's read and write, and the analysis message.
        Assert.Equal(9, counter.Count);
        Assert.Equal(["ch"], changed.AnalysisRequested);
        var stored = await app.Get<IItemStore>().GetAsync("ch", ["c1", "c2", "c3"], CancellationToken.None);
        Assert.Equal("Where is my order? It is a week late.", stored["c1"].Text);
        Assert.Equal(3, stored.Count);
    }
}
