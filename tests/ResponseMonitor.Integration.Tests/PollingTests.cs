using System.Globalization;
using Microsoft.AspNetCore.Http;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Integration.Tests.Infrastructure;
using ResponseMonitor.Storage.Queues;

namespace ResponseMonitor.Integration.Tests;

/// <summary>The poll cycle against loopback feeds: paging, cursor safety, one failing channel among healthy ones.</summary>
public sealed class PollingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static string Page1 => Feed.Page([Feed.Post("p1", "brand", T0), Feed.Comment("c1", "p1", "u1", T0.AddMinutes(5))], next: "page-2");

    private static string Page2 => Feed.Page([Feed.Comment("c2", "p1", "u2", T0.AddMinutes(9)), Feed.Comment("r1", "c1", "brand", T0.AddMinutes(15))]);

    private static async Task<int> QueueLength(TestApp app)
    {
        var queue = await app.Get<StorageAnalysisQueue>().GetQueueAsync(CancellationToken.None);
        return (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
    }

    [Fact]
    public async Task All_pages_are_stored_the_cursor_ends_at_the_latest_change_and_the_next_poll_starts_there()
    {
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, ctx.Request.Query["pageToken"] == "page-2" ? Page2 : ctx.Request.Query.ContainsKey("since") ? Feed.Page([]) : Page1);
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed"), token: "feed-token-secret"));

        var summary = await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);

        var outcome = Assert.Single(summary.Channels);
        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal((4, 2), (outcome.ItemsStored, outcome.PagesStored));
        var state = await app.Get<IChannelStateStore>().GetAsync("ch", CancellationToken.None);
        Assert.Equal(T0.AddMinutes(15), DateTimeOffset.Parse(state!.Cursor!, CultureInfo.InvariantCulture));
        Assert.Equal(["ch"], summary.AnalysisRequested);
        Assert.Equal(1, await QueueLength(app));
        Assert.All(feed.Requests, r => Assert.Equal("Bearer feed-token-secret", r.Authorization));

        await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);
        var last = feed.Requests.Last();
        Assert.Contains("since=" + Uri.EscapeDataString(state.Cursor!), last.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_fails_midway_leaves_the_cursor_where_the_stored_data_ends()
    {
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => ctx.Request.Query["pageToken"] == "page-2"
            ? Feed.Write(ctx, "{\"error\":\"upstream\"}", StatusCodes.Status503ServiceUnavailable)
            : Feed.Write(ctx, Page1);
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed")));

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(app.Get<Domain.Channels.IChannelCatalog>().Find("ch")!, null, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("HTTP 503", outcome.Error, StringComparison.Ordinal);
        Assert.Equal((2, 1), (outcome.ItemsStored, outcome.PagesStored));
        var state = await app.Get<IChannelStateStore>().GetAsync("ch", CancellationToken.None);
        Assert.Equal(T0.AddMinutes(5), DateTimeOffset.Parse(state!.Cursor!, CultureInfo.InvariantCulture));
        Assert.Equal(1, state.ConsecutiveFailures);
        Assert.Contains("HTTP 503", state.LastPollError, StringComparison.Ordinal);

        // The source recovers: the next poll starts from the stored cursor and completes the data.
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page([Feed.Comment("c1", "p1", "u1", T0.AddMinutes(5)), Feed.Comment("c2", "p1", "u2", T0.AddMinutes(9))]));
        var retry = await app.Get<ChannelPoller>().PollChannelAsync(app.Get<Domain.Channels.IChannelCatalog>().Find("ch")!, state.Cursor, CancellationToken.None);
        Assert.True(retry.Succeeded);
        var items = await app.Get<IItemStore>().GetAsync("ch", ["p1", "c1", "c2"], CancellationToken.None);
        Assert.Equal(3, items.Count);
        Assert.Equal(0, (await app.Get<IChannelStateStore>().GetAsync("ch", CancellationToken.None))!.ConsecutiveFailures);
    }

    [Fact]
    public async Task A_page_that_cannot_be_stored_does_not_move_the_cursor()
    {
        await using var feed = await LoopbackServer.StartAsync();
        TestApp? app = null;
        feed.Handler = async ctx =>
        {
            if (ctx.Request.Query["pageToken"] == "page-2")
            {
                // Storage loses the table while page 2 is on its way: page 2 cannot be stored.
                await app!.Get<Storage.StorageClients>().Tables.DeleteTableAsync(app.Prefix + "Items");
                await Feed.Write(ctx, Page2);
            }
            else
            {
                await Feed.Write(ctx, Page1);
            }
        };
        app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed")));
        await using var _ = app;

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(app.Get<Domain.Channels.IChannelCatalog>().Find("ch")!, null, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal(1, outcome.PagesStored);
        var state = await app.Get<IChannelStateStore>().GetAsync("ch", CancellationToken.None);
        Assert.Equal(T0.AddMinutes(5), DateTimeOffset.Parse(state!.Cursor!, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("this is not json", "not valid feed JSON")]
    [InlineData("{\"items\":[{\"id\":\"x\",\"createdAt\":\"2026-03-01T00:00:00Z\"}]}", "has no 'authorId'")]
    [InlineData("{\"items\":[{\"id\":\"x\",\"authorId\":\"u\",\"createdAt\":\"2026-03-01T00:00:00Z\",\"text\":\"cut off", "not valid feed JSON")]
    public async Task Garbage_from_one_channel_stores_nothing_for_it_and_the_others_go_on(string garbage, string expected)
    {
        await using var good = await LoopbackServer.StartAsync();
        good.Handler = ctx => Feed.Write(ctx, Feed.Page([Feed.Post("g1", "brand", T0)]));
        await using var bad = await LoopbackServer.StartAsync();
        bad.Handler = ctx => Feed.Write(ctx, garbage);
        await using var down = await LoopbackServer.StartAsync();
        down.Handler = ctx => Feed.Write(ctx, "{}", StatusCodes.Status500InternalServerError);
        await using var app = await TestApp.StartAsync(TestApp.Merge(
            TestApp.Channel(0, "bad", bad.Url("/feed")),
            TestApp.Channel(1, "good", good.Url("/feed")),
            TestApp.Channel(2, "down", down.Url("/feed"))));

        var summary = await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);

        var byId = summary.Channels.ToDictionary(c => c.ChannelId);
        Assert.False(byId["bad"].Succeeded);
        Assert.Contains(expected, byId["bad"].Error, StringComparison.Ordinal);
        Assert.False(byId["down"].Succeeded);
        Assert.True(byId["good"].Succeeded);
        Assert.Equal(1, byId["good"].ItemsStored);
        var states = app.Get<IChannelStateStore>();
        Assert.Null((await states.GetAsync("bad", CancellationToken.None))!.Cursor);
        Assert.NotNull((await states.GetAsync("good", CancellationToken.None))!.Cursor);
    }

    [Fact]
    public async Task A_feed_that_hangs_times_out_and_keeps_its_cursor()
    {
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = async ctx =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted);
            await Feed.Write(ctx, Page1);
        };
        await using var app = await TestApp.StartAsync(TestApp.Merge(
            TestApp.Channel(0, "ch", feed.Url("/feed")),
            new Dictionary<string, string?> { ["Connectors:AttemptTimeout"] = "00:00:00.300", ["Connectors:TotalTimeout"] = "00:00:01" }));

        var outcome = Assert.Single((await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None)).Channels);

        Assert.False(outcome.Succeeded);
        Assert.Contains("timed out", outcome.Error, StringComparison.Ordinal);
        var state = await app.Get<IChannelStateStore>().GetAsync("ch", CancellationToken.None);
        Assert.Null(state!.Cursor);
        Assert.Equal(1, state.ConsecutiveFailures);
    }

    [Fact]
    public async Task Transient_faults_are_retried_before_a_poll_gives_up()
    {
        await using var feed = await LoopbackServer.StartAsync();
        var calls = 0;
        feed.Handler = ctx => Interlocked.Increment(ref calls) == 1
            ? Feed.Write(ctx, "{}", StatusCodes.Status503ServiceUnavailable)
            : Feed.Write(ctx, Feed.Page([Feed.Post("p1", "brand", T0)]));
        await using var app = await TestApp.StartAsync(TestApp.Merge(
            TestApp.Channel(0, "ch", feed.Url("/feed")),
            new Dictionary<string, string?> { ["Connectors:MaxRetryAttempts"] = "2", ["Connectors:RetryDelay"] = "00:00:00.010" }));

        var outcome = Assert.Single((await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None)).Channels);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(2, calls);
    }
}
