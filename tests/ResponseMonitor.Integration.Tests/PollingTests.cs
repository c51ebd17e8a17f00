using ResponseMonitor.App.Hosting;
using ResponseMonitor.App.Functions;
using System.Text.Json.Nodes;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
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
        Assert.Equal(T0.AddMinutes(15), Since(state!.Cursor));
        Assert.Equal(["ch"], summary.AnalysisRequested);
        Assert.Equal(1, await QueueLength(app));
        Assert.All(feed.Requests, r => Assert.Equal("Bearer feed-token-secret", r.Authorization));

        await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);
        var last = feed.Requests.Last();
        Assert.Contains("since=" + Uri.EscapeDataString(JsonNode.Parse(state.Cursor!)!["since"]!.GetValue<string>()), last.PathAndQuery, StringComparison.Ordinal);
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
        Assert.Equal(T0.AddMinutes(5), Since(state!.Cursor));
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
        // Storage stops taking writes while page 2 is on its way: page 2 cannot be stored. (A deleted table no longer
        // does this: it is made again at once, see ReliabilityTests.Tables_and_queues_deleted_….)
        var outage = new StorageWriteOutage();
        feed.Handler = async ctx =>
        {
            if (ctx.Request.Query["pageToken"] == "page-2")
            {
                outage.Started = true;
                await Feed.Write(ctx, Page2);
            }
            else
            {
                await Feed.Write(ctx, Page1);
            }
        };
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed")), configure: services => services.AddSingleton<Azure.Core.Pipeline.HttpPipelinePolicy>(outage));

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(app.Get<Domain.Channels.IChannelCatalog>().Find("ch")!, null, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal(1, outcome.PagesStored);
        var state = await app.Get<IChannelStateStore>().GetAsync("ch", CancellationToken.None);
        Assert.Equal(T0.AddMinutes(5), Since(state!.Cursor));
    }

    [Theory]
    [InlineData("this is not json", "not valid feed JSON")]
    [InlineData("{\"data\":[]}", "no 'items' array")]
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

    /// <summary>The instant a generic feed's cursor has read to.</summary>
    private static DateTimeOffset Since(string? cursor) =>
        DateTimeOffset.Parse(JsonNode.Parse(cursor!)!["since"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_unchanged_feed_stores_nothing_and_queues_nothing_but_a_new_item_at_the_same_instant_is_taken()
    {
        await using var feed = await LoopbackServer.StartAsync();
        var items = new List<System.Text.Json.Nodes.JsonObject> { Feed.Post("p1", "brand", T0), Feed.Comment("c1", "p1", "u1", T0.AddMinutes(5)) };
        DateTimeOffset? since = null;
        feed.Handler = ctx =>
        {
            // The feed honours 'since' inclusively, as docs/GENERIC_FEED.md asks.
            since = ctx.Request.Query.TryGetValue("since", out var s) ? DateTimeOffset.Parse(s.ToString(), CultureInfo.InvariantCulture) : null;
            return Feed.Write(ctx, Feed.Page(items.Where(i => since is null || DateTimeOffset.Parse(i["createdAt"]!.GetValue<string>(), CultureInfo.InvariantCulture) >= since)));
        };
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed")));
        var poller = app.Get<ChannelPoller>();
        Assert.Equal(2, (await poller.PollAllAsync(CancellationToken.None)).ItemsStored);
        while (await app.Services.GetQueueListener(FunctionNames.AnalyzeChannel).RunOnceAsync(CancellationToken.None) > 0)
        {
        }

        // Idle: the feed sends c1 again (since is inclusive); it is dropped, nothing is written, nothing queued.
        var idle = await poller.PollAllAsync(CancellationToken.None);
        Assert.Equal(T0.AddMinutes(5), since);
        Assert.Equal(0, idle.ItemsStored);
        Assert.Empty(idle.AnalysisRequested);
        Assert.Equal(0, await QueueLength(app));

        // A comment that shares c1's instant but was not there before is stored.
        items.Add(Feed.Comment("c2", "p1", "u2", T0.AddMinutes(5)));
        var next = await poller.PollAllAsync(CancellationToken.None);
        Assert.Equal(1, next.ItemsStored);
        Assert.Single((await app.Get<IItemStore>().GetAsync("ch", ["c2"], CancellationToken.None)));

        // An edit of c1 (a later change time) is stored too.
        items[1]["editedAt"] = T0.AddMinutes(7).ToString("O");
        Assert.Equal(1, (await poller.PollAllAsync(CancellationToken.None)).ItemsStored);
    }

    /// <summary>
    /// A quiet channel costs one storage transaction a cycle: its state, read with every other at the start of the
    /// cycle, is written once with that read's ETag (a conditional Replace), plus the cycle's two reads of all states
    /// and all snapshots. A change in between (a webhook's brand activity) makes the write fail its condition; it is
    /// then read and applied again, losing neither change.
    /// </summary>
    [Fact]
    public async Task A_quiet_channel_costs_one_transaction_a_cycle_and_a_concurrent_change_is_kept()
    {
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, ctx.Request.Query.ContainsKey("since") ? Feed.Page([]) : Page1.Replace("\"page-2\"", "null", StringComparison.Ordinal));
        var counter = new StorageRequestCounter();
        await using var app = await TestApp.StartAsync(
            TestApp.Merge(TestApp.Channel(0, "a", feed.Url("/a")), TestApp.Channel(1, "b", feed.Url("/b")), TestApp.Channel(2, "c", feed.Url("/c"))),
            configure: services => services.AddSingleton<Azure.Core.Pipeline.HttpPipelinePolicy>(counter));
        var poller = app.Get<ChannelPoller>();
        await poller.PollAllAsync(CancellationToken.None);
        foreach (var id in new[] { "a", "b", "c" })
        {
            await app.Get<Domain.Analysis.ChannelAnalysisService>().AnalyzeAsync(id, CancellationToken.None);
        }

        counter.Reset();
        var steady = await poller.PollAllAsync(CancellationToken.None);

        Assert.All(steady.Channels, c => Assert.True(c.Succeeded, c.Error));
        Assert.Empty(steady.AnalysisRequested);
        Assert.Equal(2 + 3, counter.Count);

        // Brand activity recorded between the cycle's read and its write survives the write.
        var states = app.Get<IChannelStateStore>();
        var known = await states.GetAsync("a", CancellationToken.None);
        await states.RecordActivityAsync("a", T0.AddDays(1), T0.AddDays(1), CancellationToken.None);
        await states.RecordPollSuccessAsync("a", null, T0.AddDays(2), CancellationToken.None, known);
        var after = await states.GetAsync("a", CancellationToken.None);
        Assert.Equal((T0.AddDays(1), T0.AddDays(2)), (after!.LastBrandActivityAt, after.LastPollSucceededAt));
        Assert.Equal(known!.Cursor, after.Cursor);
    }

    /// <summary>Storage refusing every batch write with 503 once <see cref="Started"/>: the account going down mid-poll.</summary>
    private sealed class StorageWriteOutage : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        public volatile bool Started;

        public override void OnSendingRequest(Azure.Core.HttpMessage message)
        {
            if (Started && message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal))
            {
                throw new Azure.RequestFailedException(503, "The server is busy.");
            }
        }
    }
}
