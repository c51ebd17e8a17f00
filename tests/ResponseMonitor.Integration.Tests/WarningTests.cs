using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Warnings;
using ResponseMonitor.Integration.Tests.Infrastructure;
using ResponseMonitor.Notifications.Webhook;
using ResponseMonitor.Storage.Locks;

namespace ResponseMonitor.Integration.Tests;

/// <summary>Warnings fire once, resolve when the condition ends, and reach a real receiver through the outbox.</summary>
public sealed class WarningTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private const string Message = "{\"channelId\":\"ch\",\"reason\":\"test\",\"requestedAt\":\"2026-03-10T12:00:00Z\"}";

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

        await poll.RunAsync(CancellationToken.None);
        await TestApp.DrainPollQueueAsync(app);
        await analyze.RunAsync(Message, CancellationToken.None);
        await analyze.RunAsync(Message, CancellationToken.None);

        var hook = Assert.Single(receiver.Requests);
        var payload = JsonNode.Parse(hook.Body)!;
        Assert.Equal(("ch", "critic-ignored", "en"), (payload["channelId"]!.GetValue<string>(), payload["rule"]!.GetValue<string>(), payload["language"]!.GetValue<string>()));
        Assert.Equal(payload["groupId"]!.GetValue<string>(), hook.Headers["Idempotency-Key"]);
        var note = Assert.Single(payload["notifications"]!.AsArray())!;
        Assert.Equal(("firing", "critic", "critical", "firing"), (note["event"]!.GetValue<string>(), note["subject"]!.GetValue<string>(), note["severity"]!.GetValue<string>(), note["state"]!.GetValue<string>()));
        Assert.Equal(Now.AddHours(-6), note["since"]!.GetValue<DateTimeOffset>());
        Assert.Contains("refund", note["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // The brand answers: the next analysis resolves the warning and says so.
        items.Add(Feed.Comment("answer", "critic", "brand", Now.AddMinutes(5), "So sorry, refund sent today."));
        time.Advance(TimeSpan.FromMinutes(10));
        await poll.RunAsync(CancellationToken.None);
        await TestApp.DrainPollQueueAsync(app);
        await analyze.RunAsync(Message, CancellationToken.None);

        Assert.Equal(2, receiver.Requests.Count);
        Assert.Equal("resolved", JsonNode.Parse(receiver.Requests.Last().Body)!["notifications"]![0]!["event"]!.GetValue<string>());
        var warning = Assert.Single((await app.GetJsonAsync("/api/warnings?state=all"))["items"]!.AsArray())!;
        Assert.Equal(("resolved", Now.AddMinutes(10)), (warning["state"]!.GetValue<string>(), warning["resolvedAt"]!.GetValue<DateTimeOffset>()));
        Assert.Empty((await app.GetJsonAsync("/api/warnings"))["items"]!.AsArray());

        // Every transition is history, newest first.
        var history = (await app.GetJsonAsync("/api/warnings/history?channel=ch&rule=critic-ignored"))["items"]!.AsArray();
        Assert.Equal(["resolved", "firing"], history.Select(h => h!["event"]!.GetValue<string>()));
        Assert.Equal(2, (await app.GetJsonAsync("/api/notifications?status=sent"))["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Notifications_are_signed_over_timestamp_and_body_so_forgeries_and_replays_fail()
    {
        var time = new FakeTimeProvider(Now);
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(CriticFeed()));
        await using var receiver = await LoopbackServer.StartAsync();
        receiver.Handler = ctx => { ctx.Response.StatusCode = 204; return Task.CompletedTask; };
        await using var app = await TestApp.StartAsync(TestApp.Merge(Settings(feed, receiver), new Dictionary<string, string?> { ["Notifications:WebhookSecret"] = "receiver-shared-secret" }), time);

        await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("ch", CancellationToken.None);
        await app.Get<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);

        var request = Assert.Single(receiver.Requests);
        var (timestamp, signature) = (request.Headers[WebhookSink.TimestampHeader], request.Headers[WebhookSink.SignatureHeader]);
        var body = System.Text.Encoding.UTF8.GetBytes(request.Body);
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        Assert.Equal(WebhookSink.Sign("receiver-shared-secret", timestamp, body), signature);
        Assert.NotEqual(WebhookSink.Sign("receiver-shared-secret", (Now.ToUnixTimeSeconds() + 600).ToString(System.Globalization.CultureInfo.InvariantCulture), body), signature);
        Assert.NotEqual(WebhookSink.Sign("receiver-shared-secret", timestamp, [.. body, (byte)' ']), signature);
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

        // The failure is visible, with the sink's answer and when it is tried next.
        var failing = Assert.Single((await app.GetJsonAsync("/api/notifications?status=pending"))["items"]!.AsArray())!;
        Assert.Equal((1, "Sink 'webhook' answered HTTP 502.", Now.AddMinutes(1)), (failing["attempts"]!.GetValue<int>(), failing["lastError"]!.GetValue<string>(), failing["nextAttemptAt"]!.GetValue<DateTimeOffset>()));

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
    public async Task After_the_last_attempt_a_delivery_is_failed_listed_and_can_be_retried_by_hand()
    {
        var time = new FakeTimeProvider(Now);
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(CriticFeed()));
        await using var receiver = await LoopbackServer.StartAsync();
        receiver.Handler = ctx => { ctx.Response.StatusCode = 500; return Task.CompletedTask; };
        await using var app = await TestApp.StartAsync(TestApp.Merge(Settings(feed, receiver), new Dictionary<string, string?> { ["Notifications:MaxAttempts"] = "2" }), time);
        var dispatcher = app.Get<NotificationDispatcher>();
        await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("ch", CancellationToken.None);

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(2));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromHours(2));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(2, receiver.Requests.Count);

        var failed = Assert.Single((await app.GetJsonAsync("/api/notifications?status=failed"))["items"]!.AsArray())!;
        Assert.Equal((2, "webhook"), (failed["attempts"]!.GetValue<int>(), failed["sink"]!.GetValue<string>()));

        receiver.Handler = ctx => { ctx.Response.StatusCode = 200; return Task.CompletedTask; };
        var retry = await app.Client.PostAsync(new Uri($"/api/notifications/ch/{failed["id"]!.GetValue<string>()}/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Empty((await app.GetJsonAsync("/api/notifications?status=failed"))["items"]!.AsArray());
        var again = await app.Client.PostAsync(new Uri($"/api/notifications/ch/{failed["id"]!.GetValue<string>()}/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Several_instances_racing_on_one_warning_raise_it_once_and_send_it_once()
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
        var channel = first.Get<IChannelCatalog>().Find("ch")!;

        var condition = new WarningCondition(WarningRules.CriticIgnored, "ch", "critic", WarningSeverity.Critical, Now, "test");
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? first : second).Get<WarningService>().ApplyAsync(channel, [condition], CancellationToken.None)));

        Assert.Equal(1, results.Sum(r => r.Fired));
        var stored = await first.Get<IWarningStore>().GetForChannelAsync("ch", CancellationToken.None);
        Assert.Equal(1, Assert.Single(stored).TimesFired);

        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? first : second).Get<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None)));
        Assert.Equal(1, sent.Sum());
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task A_flapping_condition_with_a_for_delay_is_kept_as_history_but_never_sent()
    {
        var time = new FakeTimeProvider(Now);
        await using var receiver = await LoopbackServer.StartAsync();
        receiver.Handler = ctx => { ctx.Response.StatusCode = 204; return Task.CompletedTask; };
        await using var app = await TestApp.StartAsync(TestApp.Merge(
            TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")),
            new Dictionary<string, string?>
            {
                ["Notifications:WebhookUrl"] = receiver.Url("/hook").ToString(),
                ["Monitor:Warnings:For"] = "00:10:00",
            }), time);
        var channel = app.Get<IChannelCatalog>().Find("ch")!;
        var service = app.Get<WarningService>();
        var dispatcher = app.Get<NotificationDispatcher>();
        var condition = new WarningCondition(WarningRules.CriticIgnored, "ch", "t1", WarningSeverity.Critical, Now, "critic");

        // On for 5 minutes, off for 5 minutes, three times: never held for the 10-minute delay.
        for (var i = 0; i < 6; i++)
        {
            await service.ApplyAsync(channel, i % 2 == 0 ? [condition] : [], CancellationToken.None);
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Empty(receiver.Requests);
        var events = (await app.GetJsonAsync("/api/warnings/history?channel=ch"))["items"]!.AsArray().Select(h => h!["event"]!.GetValue<string>()).ToList();
        Assert.Equal(["inactive", "pending", "inactive", "pending", "inactive", "pending"], events);

        // Held for ten minutes: it fires, once.
        await service.ApplyAsync(channel, [condition], CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(10));
        await service.ApplyAsync(channel, [condition], CancellationToken.None);
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal("firing", JsonNode.Parse(Assert.Single(receiver.Requests).Body)!["notifications"]![0]!["event"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_store_lets_only_one_of_two_writers_that_read_the_same_state_make_a_transition()
    {
        await using var app = await TestApp.StartAsync();
        var store = app.Get<IWarningStore>();
        WarningRecord Firing(string? version) => new()
        {
            ChannelId = "ch", Rule = WarningRules.BrandSilent, Subject = "ch", Severity = WarningSeverity.Warning, State = WarningState.Firing,
            Message = "m", Since = Now, ObservedAt = Now, FiredAt = Now, UpdatedAt = Now, TimesFired = 1, Version = version,
        };
        NotificationDelivery Note(string id, WarningRecord w) => new() { Id = id, Sink = "webhook", Event = "firing", Warning = w, CreatedAt = Now, NextAttemptAt = Now };

        // Both read "no warning yet"; their deliveries differ (as they do on different instances' clocks).
        Assert.True(await store.TryTransitionAsync(new WarningTransition(Firing(null), WarningEvents.Firing, true), [Note("a", Firing(null))], CancellationToken.None));
        Assert.False(await store.TryTransitionAsync(new WarningTransition(Firing(null), WarningEvents.Firing, true), [Note("b", Firing(null))], CancellationToken.None));

        // Both read the firing warning at the same version and try to resolve it.
        var active = Assert.Single(await store.GetForChannelAsync("ch", CancellationToken.None));
        var resolved = active with { State = WarningState.Resolved, ResolvedAt = Now, UpdatedAt = Now.AddMinutes(1) };
        Assert.True(await store.TryTransitionAsync(new WarningTransition(resolved, WarningEvents.Resolved, true), [Note("c", resolved)], CancellationToken.None));
        Assert.False(await store.TryTransitionAsync(new WarningTransition(resolved, WarningEvents.Resolved, true), [Note("d", resolved)], CancellationToken.None));

        var due = await store.GetDueDeliveriesAsync(Now.AddMinutes(1), 10, CancellationToken.None);
        Assert.Equal(["a", "c"], due.Select(n => n.Id).Order().ToArray());

        // A claim is exclusive until it lapses.
        Assert.NotNull(await store.TryClaimAsync(due, Now.AddMinutes(3), CancellationToken.None));
        Assert.Null(await store.TryClaimAsync(due, Now.AddMinutes(3), CancellationToken.None));
        Assert.Empty(await store.GetDueDeliveriesAsync(Now.AddMinutes(2), 10, CancellationToken.None));
        Assert.Equal(2, (await store.GetDueDeliveriesAsync(Now.AddMinutes(4), 10, CancellationToken.None)).Count);
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
        Assert.Equal(("brand-silent", Now.AddHours(-8), "firing"), (warning["rule"]!.GetValue<string>(), warning["since"]!.GetValue<DateTimeOffset>(), warning["state"]!.GetValue<string>()));

        items.Add(Feed.Comment("a", "q", "brand", Now.AddMinutes(1), "We are here!"));
        time.Advance(TimeSpan.FromMinutes(2));
        await poller.PollAllAsync(CancellationToken.None);
        var cleared = await analysis.AnalyzeAsync("ch", CancellationToken.None);
        Assert.Equal((0, 1), (cleared.WarningsRaised, cleared.WarningsResolved));
    }

    [Theory]
    [InlineData("/api/warnings?state=loud", "Query 'state' must be active, pending, firing, resolved, inactive or all")]
    [InlineData("/api/warnings?rule=bad", "Query 'rule' must be one of")]
    [InlineData("/api/warnings?from=yesterday", "Query 'from' must be an ISO 8601 instant")]
    [InlineData("/api/warnings/history?severity=huge", "Query 'severity' must be one of info, warning, critical")]
    [InlineData("/api/notifications?status=lost", "Query 'status' must be one of pending, sent, failed")]
    [InlineData("/api/warnings?colour=red", "Unknown query parameter 'colour'")]
    public async Task Bad_filters_are_refused_with_the_reason(string path, string expected)
    {
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")));
        var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
