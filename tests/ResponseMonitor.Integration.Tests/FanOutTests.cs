using ResponseMonitor.App.Hosting;
using System.Collections.Concurrent;
using System.Globalization;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.App.Functions;
using ResponseMonitor.App.Standalone;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;
using ResponseMonitor.Storage.Queues;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// The poll cycle fanned out through the <c>poll-channel</c> queue (docs/ARCHITECTURE.md, "Polling through the queue"):
/// the timer only schedules; any number of standalone processes against one storage account share the poll messages,
/// as Azure instances do under the Functions host's queue trigger (learn.microsoft.com/azure/azure-functions/
/// functions-bindings-storage-queue-trigger, "Concurrency": a queue's messages are spread over the app's instances,
/// each message to one instance at a time while it is invisible; a message whose instance died reappears when its
/// visibility lapses).
/// </summary>
public sealed class FanOutTests
{
    private static readonly DateTimeOffset Posted = DateTimeOffset.UtcNow.AddHours(-2);

    /// <summary>Channels ch000…; each feed has a post and a comment, and nothing new once the poller has a cursor.</summary>
    private static Dictionary<string, string?> Channels(LoopbackServer feed, int count, IDictionary<string, string?>? extra = null)
    {
        var settings = TestApp.Merge(Enumerable.Range(0, count).Select(i => TestApp.Channel(i, Id(i), feed.Url("/feed/" + Id(i)))).ToArray());
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    private static string Id(int i) => "ch" + i.ToString("D3", CultureInfo.InvariantCulture);

    private static Task Serve(HttpContext ctx)
    {
        var channel = ctx.Request.Path.Value!.Split('/')[^1];
        return Feed.Write(ctx, ctx.Request.Query.ContainsKey("since")
            ? Feed.Page([])
            : Feed.Page([Feed.Post(channel + "-p", "brand", Posted), Feed.Comment(channel + "-c", channel + "-p", "u1", Posted.AddMinutes(5))]));
    }

    /// <summary>How many times each channel's feed was read.</summary>
    private static Dictionary<string, int> Reads(IEnumerable<RecordedRequest> requests) =>
        requests.GroupBy(r => r.PathAndQuery.Split('?')[0].Split('/')[^1]).ToDictionary(g => g.Key, g => g.Count());

    private static async Task<int> DrainAsync(TestApp app)
    {
        var messages = 0;
        int processed;
        while ((processed = await app.Services.GetQueueListener(FunctionNames.PollChannel).RunOnceAsync(CancellationToken.None)) > 0)
        {
            messages += processed;
        }

        return messages;
    }

    private static async Task<int> LengthAsync(QueueClient queue) =>
        await queue.ExistsAsync() ? (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;

    private static async Task<List<PollBatch>> PeekBatchesAsync(TestApp app)
    {
        var queue = await app.Get<StoragePollQueue>().GetQueueAsync(CancellationToken.None);
        return (await queue.PeekMessagesAsync(32)).Value.Select(m => StoragePollQueue.Parse(m.Body.ToString())!).ToList();
    }

    [Fact]
    public async Task Two_standalone_instances_poll_200_channels_exactly_once_each_per_cycle()
    {
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = Serve;
        var settings = Channels(feed, 200, new Dictionary<string, string?> { ["Polling:BatchSize"] = "10", ["extensions:queues:batchSize"] = "4" });
        var prefix = TestApp.NewPrefix();
        await using var first = await TestApp.StartAsync(settings, sharedPrefix: prefix);
        await using var second = await TestApp.StartAsync(settings, sharedPrefix: prefix);

        // Cycle 1: the timer (on either instance) only schedules: 20 messages of 10 adjacent channels, no feed read.
        var plan = await first.Get<PollChannelsFunction>().RunAsync(CancellationToken.None);
        Assert.Equal((200, 20), (plan.Scheduled.Count, plan.Messages));
        Assert.Empty(feed.Requests);

        var shares = await Task.WhenAll(DrainAsync(first), DrainAsync(second));
        Assert.All(shares, share => Assert.True(share > 0, $"both instances take poll messages: {shares[0]} and {shares[1]}"));
        Assert.Equal(20, shares.Sum());
        var reads = Reads(feed.Requests);
        Assert.Equal(200, reads.Count);
        Assert.All(reads, r => Assert.Equal(1, r.Value));

        // Every channel's items stored, its cursor moved, its claim released, and one analysis queued for it.
        var states = await first.Get<IChannelStateStore>().GetAllAsync(CancellationToken.None);
        Assert.Equal(200, states.Count);
        Assert.All(states, s => Assert.True(s.Cursor is not null && s.ClaimedBy is null && s.LastPolledAt >= plan.ScheduledAt, s.ChannelId));
        Assert.Equal(2, (await second.Get<IItemStore>().GetAsync("ch137", ["ch137-p", "ch137-c"], CancellationToken.None)).Count);
        Assert.Equal(200, await LengthAsync(await first.Get<StorageAnalysisQueue>().GetQueueAsync(CancellationToken.None)));

        // Cycle 2, scheduled by the other instance: again exactly one read per channel.
        var next = await second.Get<PollChannelsFunction>().RunAsync(CancellationToken.None);
        Assert.Equal(20, next.Messages);
        await Task.WhenAll(DrainAsync(first), DrainAsync(second));
        Assert.All(Reads(feed.Requests), r => Assert.Equal(2, r.Value));

        // A duplicate of a cycle-2 message (a retried send, a redelivery) finds its channels polled since and reads nothing.
        var ids = Enumerable.Range(40, 10).Select(Id).ToList();
        await first.Get<IPollQueue>().EnqueueAsync(new PollBatch(ids, next.ScheduledAt, []), TimeSpan.Zero, CancellationToken.None);
        Assert.Equal(1, await DrainAsync(second));
        Assert.All(Reads(feed.Requests), r => Assert.Equal(2, r.Value));
        Assert.Equal(0, await LengthAsync(await first.Get<StoragePollQueue>().GetQueueAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task A_killed_instances_channels_are_polled_again_by_the_other_with_nothing_lost_or_duplicated()
    {
        await using var feed = await LoopbackServer.StartAsync();
        var hang = new TaskCompletionSource();
        var held = new ConcurrentBag<string>();
        var holding = true;
        feed.Handler = async ctx =>
        {
            if (Volatile.Read(ref holding))
            {
                // The first instance's reads hang here until it is killed.
                held.Add(ctx.Request.Path.Value!.Split('/')[^1]);
                await hang.Task.WaitAsync(ctx.RequestAborted);
            }

            await Serve(ctx);
        };
        var settings = Channels(feed, 20, new Dictionary<string, string?>
        {
            ["Polling:BatchSize"] = "5",
            ["Polling:ClaimDuration"] = "00:00:03",
            ["extensions:queues:processingLease"] = "00:00:03",
        });
        var prefix = TestApp.NewPrefix();
        await using var survivor = await TestApp.StartAsync(settings, sharedPrefix: prefix);
        var victim = await TestApp.StartAsync(settings, sharedPrefix: prefix);
        var plan = await victim.Get<PollChannelsFunction>().RunAsync(CancellationToken.None);
        Assert.Equal(4, plan.Messages);

        // The victim takes all four messages, claims their channels and starts reading; then it dies mid-poll: its
        // work is cancelled and nothing it would do on a clean stop (delete, release, record) happens.
        using var kill = new CancellationTokenSource();
        var running = victim.Services.GetQueueListener(FunctionNames.PollChannel).RunOnceAsync(kill.Token);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (held.Count < 16 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        // Four messages at once, four channels of each read at a time (Polling:MaxConcurrency).
        Assert.True(held.Count >= 16, $"the victim reads before it dies ({held.Count} reads)");
        var claimed = (await survivor.Get<IChannelStateStore>().GetAllAsync(CancellationToken.None)).Where(s => s.ClaimedBy is not null).ToList();
        Assert.Equal(20, claimed.Count);
        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        await victim.DisposeAsync();
        Volatile.Write(ref holding, false);
        hang.SetResult();
        var beforeSurvivor = Reads(feed.Requests);

        // The messages reappear when the dead instance's lease lapses, and the survivor polls every channel once.
        var states = survivor.Get<IChannelStateStore>();
        deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await states.GetAllAsync(CancellationToken.None)).Count(s => s.LastPolledAt >= plan.ScheduledAt) < 20 && DateTime.UtcNow < deadline)
        {
            await survivor.Services.GetQueueListener(FunctionNames.PollChannel).RunOnceAsync(CancellationToken.None);
            await Task.Delay(200);
        }

        // Nothing lost: every channel polled, its items stored, its claim released, its analysis queued.
        var after = await states.GetAllAsync(CancellationToken.None);
        Assert.All(after, s => Assert.True(s.LastPolledAt >= plan.ScheduledAt && s.Cursor is not null && s.ClaimedBy is null, s.ChannelId));
        foreach (var id in Enumerable.Range(0, 20).Select(Id))
        {
            Assert.Equal(2, (await survivor.Get<IItemStore>().GetAsync(id, [id + "-p", id + "-c"], CancellationToken.None)).Count);
        }

        // Nothing duplicated: each channel read once by the survivor, one analysis each, no poll message left or poisoned.
        var reads = Reads(feed.Requests);
        Assert.All(Enumerable.Range(0, 20).Select(Id), id => Assert.Equal(1, reads[id] - beforeSurvivor.GetValueOrDefault(id)));
        Assert.Equal(20, await LengthAsync(await survivor.Get<StorageAnalysisQueue>().GetQueueAsync(CancellationToken.None)));
        var polls = await survivor.Get<StoragePollQueue>().GetQueueAsync(CancellationToken.None);
        Assert.Equal(0, await LengthAsync(polls));
        Assert.Equal(0, await LengthAsync(new QueueClient(AzuriteEnvironment.ConnectionString, polls.Name + "-poison")));
    }

    [Fact]
    public async Task A_paused_channel_is_not_enqueued_and_its_stale_analysis_is_still_refreshed()
    {
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = Serve;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(Channels(feed, 3), time);

        // The platform asked ch001 to wait an hour (a rate limit's Retry-After, as a connector reports it).
        await app.Get<IChannelStateStore>().RecordPollFailureAsync("ch001", "rate limited", time.GetUtcNow(), CancellationToken.None, time.GetUtcNow().AddHours(1));
        var plan = await app.Get<PollChannelsFunction>().RunAsync(CancellationToken.None);

        Assert.Equal(["ch001"], plan.Paused);
        Assert.Equal(["ch000", "ch002"], plan.Scheduled);
        var batch = Assert.Single(await PeekBatchesAsync(app));
        Assert.Equal(["ch000", "ch002"], batch.ChannelIds);
        Assert.Equal(["ch001"], plan.RefreshQueued);
        await TestApp.DrainPollQueueAsync(app);
        Assert.DoesNotContain(Reads(feed.Requests).Keys, k => k == "ch001");

        // Once the pause has passed it is scheduled again.
        time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.Contains("ch001", (await app.Get<PollChannelsFunction>().RunAsync(CancellationToken.None)).Scheduled);
    }

    [Fact]
    public async Task A_channel_not_due_under_its_own_cadence_is_not_enqueued()
    {
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = Serve;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(Channels(feed, 2, new Dictionary<string, string?> { ["Monitor:Channels:1:PollInterval"] = "01:00:00" }), time);
        var timer = app.Get<PollChannelsFunction>();

        // Never polled: both are due.
        Assert.Equal(["ch000", "ch001"], (await timer.RunAsync(CancellationToken.None)).Scheduled);
        await TestApp.DrainPollQueueAsync(app);

        // Five minutes later only the channel without a cadence of its own goes on the queue.
        time.Advance(TimeSpan.FromMinutes(5));
        var plan = await timer.RunAsync(CancellationToken.None);
        Assert.Equal(["ch000"], plan.Scheduled);
        Assert.Equal(["ch001"], plan.NotDue);
        Assert.Equal(["ch000"], Assert.Single(await PeekBatchesAsync(app)).ChannelIds);
        await TestApp.DrainPollQueueAsync(app);
        Assert.Equal(1, Reads(feed.Requests)["ch001"]);

        // 54 minutes after its poll (its hour less the tenth a cycle may come early), it is due again.
        time.Advance(TimeSpan.FromMinutes(49));
        Assert.Equal(["ch000", "ch001"], (await timer.RunAsync(CancellationToken.None)).Scheduled);
    }
}
