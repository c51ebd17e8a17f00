using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.App.Functions;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ingestion;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Warnings;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// <c>/api/dashboard</c> over an estate larger than a page (1,100 channels on Azurite, read cache off): the page reads
/// only its own channels, and the totals come from a record the poll timer counts once a cycle. Every page carries the
/// totals of all channels, counted by hand below; a change reaches them at the timer's next cycle, or, with no timer,
/// when they are older than 10 minutes; each answer says when they were counted.
/// </summary>
public sealed class DashboardTotalsTests
{
    private const int ChannelCount = 1100;
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Over_a_page_the_totals_count_every_channel_follow_the_timer_and_a_page_reads_only_its_channels()
    {
        var feed = new Uri("http://127.0.0.1:1/feed");
        var time = new FakeTimeProvider(Now);
        var counter = new StorageRequestCounter();
        var settings = TestApp.Merge(
        [
            .. Enumerable.Range(0, ChannelCount).Select(i => TestApp.Channel(i, Id(i), feed)),
            .. Enumerable.Range(0, ChannelCount).Select(i => new Dictionary<string, string?> { [$"Monitor:Channels:{i}:Brand"] = i < 600 ? "North" : "South" }),
            new Dictionary<string, string?> { ["Api:ReadCacheSeconds"] = "0" },
        ]);
        await using var app = await TestApp.StartAsync(settings, time, configure: services => services.AddSingleton<HttpPipelinePolicy>(counter));

        // Every tenth channel analysed with 2 waiting, 1 of them critical: 110 channels, 220 waiting, 110 critical.
        var snapshots = app.Get<ISnapshotStore>();
        await Parallel.ForEachAsync(Enumerable.Range(0, ChannelCount / 10), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await snapshots.SaveAsync(new ChannelSnapshot { ChannelId = Id(i * 10), AnalyzedAt = Now, WindowStart = Now.AddDays(-30), OpenCount = 2, CriticalOpenCount = 1 }, ct));

        // Active: firing on c0000, c0500 and c1099, pending on c0999; resolved on c0001, which does not count: 4.
        var warnings = app.Get<IWarningStore>();
        foreach (var (id, state) in new[] { (Id(0), WarningState.Firing), (Id(500), WarningState.Firing), (Id(1099), WarningState.Firing), (Id(999), WarningState.Pending), (Id(1), WarningState.Resolved) })
        {
            Assert.True(await warnings.TryTransitionAsync(new WarningTransition(Warning(id, state), state.ToString(), Notify: false), [], CancellationToken.None));
        }

        // Every page of the walk carries the totals of all 1,100, counted on the first request (none was stored).
        var ids = new List<string>();
        string? after = null;
        do
        {
            var page = await app.GetJsonAsync("/api/dashboard?limit=300" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)));
            AssertTotals(page, open: 220, critical: 110, active: 4, computedAt: Now);
            ids.AddRange(page["channels"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
            after = page["nextAfter"]?.GetValue<string>();
        }
        while (after is not null);
        Assert.Equal(Enumerable.Range(0, ChannelCount).Select(Id), ids);

        var first = await app.GetJsonAsync("/api/dashboard?limit=100");
        var brands = first["brands"]!.AsArray();
        Assert.Equal(["North", "South"], brands.Select(b => b!["brand"]!.GetValue<string>()));
        Assert.Equal([600, 500], brands.Select(b => b!["channelCount"]!.GetValue<int>()));
        Assert.Equal(["North", "South"], first["detectors"]!.AsArray().Select(d => d!["brand"]!.GetValue<string>()));
        var c0000 = first["channels"]!.AsArray()[0]!;
        Assert.Equal((2, 1, 1), (c0000["openCount"]!.GetValue<int>(), c0000["criticalOpenCount"]!.GetValue<int>(), c0000["activeWarningCount"]!.GetValue<int>()));

        // A page reads its channels and nothing else: the stored totals (one blob), then one range query each for the
        // page's snapshots, states and active warnings, whether it holds 50 channels or 500. Reading every channel's
        // snapshot and state would take two queries per table at 1,100 channels.
        counter.Reset();
        await app.GetJsonAsync("/api/dashboard?limit=50");
        var small = counter.Count;
        counter.Reset();
        await app.GetJsonAsync("/api/dashboard?limit=500&after=" + Uri.EscapeDataString(first["nextAfter"]!.GetValue<string>()));
        var large = counter.Count;
        Assert.Equal((4, 4), (small, large));

        // A new waiting comment on c0020 (analysed for real: 1 waiting, not critical, where the record said 2 and 1)
        // and the warning of c0000 resolved. The page shows them at once; the totals at the timer's next cycle.
        var channel = app.Get<Domain.Channels.IChannelCatalog>().Find(Id(20))!;
        await app.Get<IngestionService>().IngestAsync(channel,
        [
            new ContentItem { Id = "p", Kind = ItemKind.Post, AuthorId = "brand", CreatedAt = Now.AddHours(-2), Text = "New opening hours" },
            new ContentItem { Id = "q", ParentId = "p", Kind = ItemKind.Comment, AuthorId = "u1", CreatedAt = Now.AddHours(-1), Text = "Do you open on Sunday?" },
        ], CancellationToken.None);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync(channel.Id, CancellationToken.None);
        var fired = (await warnings.GetForChannelAsync(Id(0), CancellationToken.None)).Single();
        Assert.True(await warnings.TryTransitionAsync(new WarningTransition(fired with { State = WarningState.Resolved, ResolvedAt = Now, UpdatedAt = Now }, "resolved", Notify: false), [], CancellationToken.None));

        time.Advance(TimeSpan.FromMinutes(1));
        var before = await app.GetJsonAsync("/api/dashboard?limit=100");
        AssertTotals(before, open: 220, critical: 110, active: 4, computedAt: Now);
        var c0020 = before["channels"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == Id(20))!;
        Assert.Equal(1, c0020["openCount"]!.GetValue<int>());
        Assert.Equal(0, before["channels"]!.AsArray()[0]!["activeWarningCount"]!.GetValue<int>());

        await app.Get<PollChannelsFunction>().RunAsync(CancellationToken.None);
        AssertTotals(await app.GetJsonAsync("/api/dashboard?limit=100"), open: 219, critical: 109, active: 3, computedAt: Now.AddMinutes(1));

        // No timer since: the totals stand for 10 minutes, then the next request counts them itself.
        var c0500 = (await warnings.GetForChannelAsync(Id(500), CancellationToken.None)).Single();
        Assert.True(await warnings.TryTransitionAsync(new WarningTransition(c0500 with { State = WarningState.Resolved, ResolvedAt = Now, UpdatedAt = Now }, "resolved", Notify: false), [], CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(9));
        AssertTotals(await app.GetJsonAsync("/api/dashboard?limit=100"), open: 219, critical: 109, active: 3, computedAt: Now.AddMinutes(1));
        time.Advance(TimeSpan.FromMinutes(2));
        AssertTotals(await app.GetJsonAsync("/api/dashboard?limit=100"), open: 219, critical: 109, active: 2, computedAt: Now.AddMinutes(12));
    }

    [Fact]
    public async Task A_page_whose_order_interleaves_the_id_order_stays_three_queries_and_reads_no_other_channel_s_rows()
    {
        // Positions 0–549 hold the even ids in order, so any page of them skips one channel between neighbours: one run.
        // Positions 550–1099 hold the odd ids 22 ranks apart (25 columns of 22), so their pages are runs of one.
        var feed = new Uri("http://127.0.0.1:1/feed");
        var time = new FakeTimeProvider(Now);
        var counter = new StorageRequestCounter();
        static int IdAt(int position) => position < 550 ? 2 * position : (2 * ((((position - 550) % 25) * 22) + ((position - 550) / 25))) + 1;
        var settings = TestApp.Merge(
        [
            .. Enumerable.Range(0, ChannelCount).Select(i => TestApp.Channel(i, Id(IdAt(i)), feed)),
            new Dictionary<string, string?> { ["Api:ReadCacheSeconds"] = "0" },
        ]);
        await using var app = await TestApp.StartAsync(settings, time, configure: services => services.AddSingleton<HttpPipelinePolicy>(counter));

        // c0000 and c0001 both have rows; c0001's must not reach c0000's page, which reads through it.
        var snapshots = app.Get<ISnapshotStore>();
        await snapshots.SaveAsync(new ChannelSnapshot { ChannelId = Id(0), AnalyzedAt = Now, WindowStart = Now.AddDays(-30), OpenCount = 2, CriticalOpenCount = 1 }, CancellationToken.None);
        await snapshots.SaveAsync(new ChannelSnapshot { ChannelId = Id(1), AnalyzedAt = Now, WindowStart = Now.AddDays(-30), OpenCount = 7, CriticalOpenCount = 3 }, CancellationToken.None);
        Assert.True(await app.Get<IWarningStore>().TryTransitionAsync(new WarningTransition(Warning(Id(1), WarningState.Firing), "Firing", Notify: false), [], CancellationToken.None));
        await app.GetJsonAsync("/api/dashboard?limit=1");

        counter.Reset();
        var evens = await app.GetJsonAsync("/api/dashboard?limit=550");
        Assert.Equal(4, counter.Count);
        var shown = evens["channels"]!.AsArray();
        Assert.Equal(Enumerable.Range(0, 550).Select(i => Id(2 * i)), shown.Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal((2, 1, 0), (shown[0]!["openCount"]!.GetValue<int>(), shown[0]!["criticalOpenCount"]!.GetValue<int>(), shown[0]!["activeWarningCount"]!.GetValue<int>()));
        Assert.All(shown.Skip(1), c => Assert.Equal((0, 0), (c!["openCount"]!.GetValue<int>(), c["activeWarningCount"]!.GetValue<int>())));

        // 25 channels 43 ids apart: each its own run, three queries each, after the stored totals.
        counter.Reset();
        var odds = await app.GetJsonAsync("/api/dashboard?limit=25&after=" + Uri.EscapeDataString(evens["nextAfter"]!.GetValue<string>()));
        Assert.Equal(1 + (3 * 25), counter.Count);
        var c0001 = odds["channels"]!.AsArray()[0]!;
        Assert.Equal((Id(1), 7, 1), (c0001["id"]!.GetValue<string>(), c0001["openCount"]!.GetValue<int>(), c0001["activeWarningCount"]!.GetValue<int>()));
    }

    private static void AssertTotals(JsonNode page, int open, int critical, int active, DateTimeOffset computedAt)
    {
        Assert.Equal((open, critical, active), (page["openCount"]!.GetValue<int>(), page["criticalOpenCount"]!.GetValue<int>(), page["activeWarningCount"]!.GetValue<int>()));
        Assert.Equal(computedAt, page["totalsComputedAt"]!.GetValue<DateTimeOffset>());
    }

    private static WarningRecord Warning(string channelId, WarningState state) => new()
    {
        ChannelId = channelId,
        Rule = WarningRules.All.First(),
        Subject = "",
        Severity = WarningSeverity.Warning,
        State = state,
        Message = "totals",
        Since = Now,
        ObservedAt = Now,
        FiredAt = state == WarningState.Pending ? null : Now,
        ResolvedAt = state == WarningState.Resolved ? Now : null,
        UpdatedAt = Now,
    };

    private static string Id(int i) => $"c{i:D4}";
}
