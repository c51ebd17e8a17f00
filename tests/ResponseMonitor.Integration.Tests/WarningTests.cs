using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Warnings;
using ResponseMonitor.Integration.Tests.Infrastructure;
using ResponseMonitor.Storage.Locks;

namespace ResponseMonitor.Integration.Tests;

/// <summary>Warnings raised once, resolved when the condition ends, delivered through the outbox to a real receiver.</summary>
public sealed class WarningTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static List<JsonObject> CriticFeed() =>
    [
        Feed.Post("p1", "brand", Now.AddHours(-10)),
        Feed.Comment("critic", "p1", "u1", Now.AddHours(-30), "Still waiting for my refund, no answer from customer service!"),
    ];

    private static Dictionary<string, string?> Settings(LoopbackServer feed, LoopbackServer receiver) => TestApp.Merge(
        TestApp.Channel(0, "ch", feed.Url("/feed")),
        new Dictionary<string, string?>
        {
            ["Notifications:WebhookUrl"] = receiver.Url("/hook").ToString(),
            ["Notifications:RetryDelay"] = "00:01:00",
        });

    [Fact]
    public async Task A_critic_is_warned_about_once_delivered_and_resolved_when_answered()
    {
        var time = new FakeTimeProvider(Now);
        var items = CriticFeed();
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(items));
        await using var receiver = await LoopbackServer.StartAsync();
        receiver.Handler = ctx => { ctx.Response.StatusCode = 204; return Task.CompletedTask; };
        await using var app = await TestApp.StartAsync(Settings(feed, receiver), time);
        var poll = app.Get<App.Functions.PollChannelsFunction>();
        var analyze = app.Get<App.Functions.AnalyzeChannelFunction>();
        const string message = "{\"channelId\":\"ch\",\"reason\":\"test\",\"requestedAt\":\"2026-03-10T12:00:00Z\"}";

        await poll.RunAsync(CancellationToken.None);
        await analyze.RunAsync(message, CancellationToken.None);
        await analyze.RunAsync(message, CancellationToken.None);

        var hook = Assert.Single(receiver.Requests);
        var payload = JsonNode.Parse(hook.Body)!;
        Assert.Equal(("raised", "critic-ignored", "critic", "critical"), (payload["event"]!.GetValue<string>(), payload["rule"]!.GetValue<string>(), payload["subject"]!.GetValue<string>(), payload["severity"]!.GetValue<string>()));
        Assert.Equal(Now.AddHours(-6), payload["since"]!.GetValue<DateTimeOffset>());
        Assert.Contains("refund", payload["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // The brand answers: the next analysis resolves the warning and says so.
        items.Add(Feed.Comment("answer", "critic", "brand", Now.AddMinutes(5), "So sorry, refund sent today."));
        time.Advance(TimeSpan.FromMinutes(10));
        await poll.RunAsync(CancellationToken.None);
        await analyze.RunAsync(message, CancellationToken.None);

        Assert.Equal(2, receiver.Requests.Count);
        Assert.Equal("resolved", JsonNode.Parse(receiver.Requests.Last().Body)!["event"]!.GetValue<string>());
        var warnings = await app.GetJsonAsync("/api/warnings?state=all");
        var warning = Assert.Single(warnings["items"]!.AsArray())!;
        Assert.Equal("resolved", warning["state"]!.GetValue<string>());
        Assert.Equal(Now.AddMinutes(10), warning["resolvedAt"]!.GetValue<DateTimeOffset>());
        Assert.Empty((await app.GetJsonAsync("/api/warnings"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Notifications_are_signed_over_timestamp_and_body_so_forgeries_and_replays_fail()
    {
        var time = new FakeTimeProvider(Now);
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(CriticFeed()));
        var headers = new List<(string Timestamp, string Signature)>();
        await using var receiver = await LoopbackServer.StartAsync();
        receiver.Handler = ctx =>
        {
            headers.Add((ctx.Request.Headers["X-ResponseMonitor-Timestamp"].ToString(), ctx.Request.Headers["X-ResponseMonitor-Signature"].ToString()));
            ctx.Response.StatusCode = 204;
            return Task.CompletedTask;
        };
        await using var app = await TestApp.StartAsync(TestApp.Merge(Settings(feed, receiver), new Dictionary<string, string?> { ["Notifications:WebhookSecret"] = "receiver-shared-secret" }), time);

        await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("ch", CancellationToken.None);
        await app.Get<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);

        var (timestamp, signature) = Assert.Single(headers);
        var body = System.Text.Encoding.UTF8.GetBytes(Assert.Single(receiver.Requests).Body);
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        Assert.Equal(Notifications.Webhook.WebhookWarningNotifier.Sign("receiver-shared-secret", timestamp, body), signature);
        Assert.NotEqual(Notifications.Webhook.WebhookWarningNotifier.Sign("receiver-shared-secret", (Now.ToUnixTimeSeconds() + 600).ToString(System.Globalization.CultureInfo.InvariantCulture), body), signature);
        Assert.NotEqual(Notifications.Webhook.WebhookWarningNotifier.Sign("receiver-shared-secret", timestamp, [.. body, (byte)' ']), signature);
    }

    [Fact]
    public async Task A_receiver_that_fails_gets_the_notification_after_it_recovers_and_only_once()
    {
        var time = new FakeTimeProvider(Now);
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(CriticFeed()));
        await using var receiver = await LoopbackServer.StartAsync();
        receiver.Handler = ctx => { ctx.Response.StatusCode = StatusCodes.Status502BadGateway; return Task.CompletedTask; };
        await using var app = await TestApp.StartAsync(Settings(feed, receiver), time);
        var dispatcher = app.Get<NotificationDispatcher>();

        await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("ch", CancellationToken.None);
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Single(receiver.Requests);

        // Backing off: nothing is due until the retry delay has passed.
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Single(receiver.Requests);

        receiver.Handler = ctx => { ctx.Response.StatusCode = 200; return Task.CompletedTask; };
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));

        Assert.Equal(2, receiver.Requests.Count);
        Assert.Equal(receiver.Requests.First().Body, receiver.Requests.Last().Body);
    }

    [Fact]
    public async Task Two_instances_racing_on_one_warning_raise_it_once()
    {
        var time = new FakeTimeProvider(Now);
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(CriticFeed()));
        await using var receiver = await LoopbackServer.StartAsync();
        receiver.Handler = ctx => { ctx.Response.StatusCode = 200; return Task.CompletedTask; };
        var prefix = TestApp.NewPrefix();
        await using var first = await TestApp.StartAsync(Settings(feed, receiver), time, sharedPrefix: prefix);
        await using var second = await TestApp.StartAsync(Settings(feed, receiver), time, sharedPrefix: prefix);
        await first.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);

        var condition = new WarningCondition(WarningRules.CriticIgnored, "ch", "critic", WarningSeverity.Critical, Now, "test");
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? first : second).Get<WarningService>().ApplyAsync("ch", [condition], CancellationToken.None)));

        Assert.Equal(1, results.Sum(r => r.Raised));
        var stored = await first.Get<IWarningStore>().ListAsync(null, "ch", CancellationToken.None);
        Assert.Equal(1, Assert.Single(stored).TimesRaised);
        await first.Get<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);
        await second.Get<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task The_store_lets_only_one_of_two_writers_that_read_the_same_state_make_a_transition()
    {
        await using var app = await TestApp.StartAsync();
        var store = app.Get<IWarningStore>();
        WarningRecord Raise(string? version) => new()
        {
            ChannelId = "ch", Rule = WarningRules.BrandSilent, Subject = "ch", Severity = WarningSeverity.Warning, State = WarningState.Active,
            Message = "m", Since = Now, RaisedAt = Now, Version = version,
        };
        WarningNotification Note(string id, WarningRecord w) => new() { Id = id, Event = "raised", Warning = w, CreatedAt = Now, NextAttemptAt = Now };

        // Both read "no warning yet"; their notifications differ (as they do on different instances' clocks).
        Assert.True(await store.TryTransitionAsync(Raise(null), Note("a", Raise(null)), CancellationToken.None));
        Assert.False(await store.TryTransitionAsync(Raise(null), Note("b", Raise(null)), CancellationToken.None));

        // Both read the active warning at the same version and try to resolve it.
        var active = Assert.Single(await store.GetForChannelAsync("ch", CancellationToken.None));
        var resolved = active with { State = WarningState.Resolved, ResolvedAt = Now };
        Assert.True(await store.TryTransitionAsync(resolved, Note("c", resolved), CancellationToken.None));
        Assert.False(await store.TryTransitionAsync(resolved, Note("d", resolved), CancellationToken.None));

        var due = await store.GetDueNotificationsAsync(Now, 10, CancellationToken.None);
        Assert.Equal(["a", "c"], due.Select(n => n.Id).Order().ToArray());
    }

    [Fact]
    public async Task The_poll_schedule_runs_on_one_instance_at_a_time()
    {
        var prefix = TestApp.NewPrefix();
        await using var first = await TestApp.StartAsync(sharedPrefix: prefix);
        await using var second = await TestApp.StartAsync(sharedPrefix: prefix);

        Assert.True(await first.Get<BlobLeaseLock>().TryHoldAsync("schedule", CancellationToken.None));
        Assert.False(await second.Get<BlobLeaseLock>().TryHoldAsync("schedule", CancellationToken.None));
        Assert.True(await first.Get<BlobLeaseLock>().TryHoldAsync("schedule", CancellationToken.None));

        await first.Get<BlobLeaseLock>().ReleaseAsync("schedule", CancellationToken.None);
        Assert.True(await second.Get<BlobLeaseLock>().TryHoldAsync("schedule", CancellationToken.None));
    }

    [Fact]
    public async Task The_silent_brand_warning_fires_after_the_threshold_and_clears_when_the_brand_speaks()
    {
        var time = new FakeTimeProvider(Now);
        var items = new List<JsonObject> { Feed.Post("p1", "brand", Now.AddHours(-80)), Feed.Comment("q", "p1", "u1", Now.AddHours(-5), "Anyone here?") };
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(items));
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed")), time);
        var poller = app.Get<ChannelPoller>();
        var analysis = app.Get<ChannelAnalysisService>();

        await poller.PollAllAsync(CancellationToken.None);
        var raised = await analysis.AnalyzeAsync("ch", CancellationToken.None);
        Assert.Equal(1, raised.WarningsRaised);
        var warning = Assert.Single((await app.GetJsonAsync("/api/warnings"))["items"]!.AsArray())!;
        Assert.Equal(("brand-silent", Now.AddHours(-8)), (warning["rule"]!.GetValue<string>(), warning["since"]!.GetValue<DateTimeOffset>()));

        items.Add(Feed.Comment("a", "q", "brand", Now.AddMinutes(1), "We are here!"));
        time.Advance(TimeSpan.FromMinutes(2));
        await poller.PollAllAsync(CancellationToken.None);
        var cleared = await analysis.AnalyzeAsync("ch", CancellationToken.None);
        Assert.Equal((0, 1), (cleared.WarningsRaised, cleared.WarningsResolved));
    }
}
