using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Integration.Tests.Infrastructure;
using ResponseMonitor.Integration.Tests.Infrastructure.ServiceBus;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// The Service Bus sink through the real Azure.Messaging.ServiceBus client against a loopback AMQP namespace
/// (Infrastructure/ServiceBus/LoopbackServiceBus.cs, which cites the SDK sources and the CBS draft it follows): the
/// emulator connection string, the CBS token exchange, batched transfers, refusals and duplicate detection.
/// </summary>
public sealed class ServiceBusSinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private const string Complaint = "Still waiting for my refund, no answer from customer service!";
    private const string Topic = "warnings";

    private static async Task<(TestApp App, LoopbackServer Feed)> StartAsync(FakeTimeProvider time, LoopbackServiceBus bus, Dictionary<string, string?>? extra = null)
    {
        var items = new List<JsonObject> { Feed.Post("p0", "brand", Now.AddHours(-50)) };
        for (var i = 0; i < 3; i++)
        {
            items.Add(Feed.Comment($"critic{i}", "p0", $"u{i}", Now.AddHours(-30 + i), Complaint));
        }

        var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(items));
        var settings = TestApp.Merge(TestApp.Channel(0, "ch", feed.Url("/feed")), new Dictionary<string, string?>
        {
            ["Notifications:Sinks:bus:Type"] = "servicebus",
            ["Notifications:Sinks:bus:ConnectionString"] = bus.ConnectionString,
            ["Notifications:Sinks:bus:QueueOrTopic"] = Topic,
        }, extra ?? []);
        var app = await TestApp.StartAsync(settings, time);
        await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("ch", CancellationToken.None);
        return (app, feed);
    }

    private static async Task<List<JsonNode>> OutboxAsync(TestApp app, string status) =>
        (await app.GetJsonAsync($"/api/notifications?status={status}&sink=bus"))["items"]!.AsArray().Select(n => n!).ToList();

    [Fact]
    public async Task Each_warning_event_is_one_message_with_the_notification_id_and_properties_to_filter_on()
    {
        var time = new FakeTimeProvider(Now);
        await using var bus = LoopbackServiceBus.Start();
        var (app, feed) = await StartAsync(time, bus);
        await using var _ = app;
        await using var __ = feed;
        var pending = await OutboxAsync(app, "pending");
        Assert.NotEmpty(pending);

        var sent = await app.Get<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);

        Assert.Equal(pending.Count, sent);
        Assert.True(bus.TokensAccepted >= 1, "The client never asked $cbs for a token.");
        var messages = bus.In(Topic);
        Assert.Equal(pending.Select(p => p["id"]!.GetValue<string>()).Order(StringComparer.Ordinal), messages.Select(m => m.MessageId!).Order(StringComparer.Ordinal));

        // The three critics are one group (channel, rule): the SDK sends them as one batched transfer, unpacked by the broker.
        var critics = messages.Where(m => (string?)m.ApplicationProperties["rule"] == "critic-ignored").ToList();
        Assert.Equal(3, critics.Count);
        Assert.True(bus.BatchedTransfers >= 1);
        Assert.All(critics, m =>
        {
            Assert.Equal("ch", m.ApplicationProperties["channel"]);
            Assert.Equal("critical", m.ApplicationProperties["severity"]);
            Assert.Equal("firing", m.ApplicationProperties["event"]);
            Assert.Equal("application/json", m.ContentType);
            Assert.Equal("critic-ignored", m.Subject);
            var body = JsonNode.Parse(m.Body)!;
            Assert.Equal(m.MessageId, body["notificationId"]!.GetValue<string>());
            Assert.Equal("ch", body["channelId"]!.GetValue<string>());
            Assert.Equal("critical", body["severity"]!.GetValue<string>());
            Assert.Contains("waiting", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        Assert.Empty(await OutboxAsync(app, "pending"));
        Assert.Equal(pending.Count, (await OutboxAsync(app, "sent")).Count);
    }

    [Fact]
    public async Task A_refused_send_stays_in_the_outbox_with_the_reason_and_the_retry_carries_the_same_message_ids()
    {
        var time = new FakeTimeProvider(Now);
        await using var bus = LoopbackServiceBus.Start();
        var (app, feed) = await StartAsync(time, bus);
        await using var _ = app;
        await using var __ = feed;
        var dispatcher = app.Get<NotificationDispatcher>();

        // A full entity: Rejected with amqp:resource-limit-exceeded, which the SDK raises as QuotaExceeded and does not retry itself.
        bus.RefuseNext(10);
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Empty(bus.Stored);
        var refused = bus.Offered.Select(m => m.MessageId!).ToHashSet(StringComparer.Ordinal);
        var pending = await OutboxAsync(app, "pending");
        Assert.Equal(refused, pending.Select(p => p["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal));
        Assert.All(pending, p =>
        {
            Assert.Equal(1, p["attempts"]!.GetValue<int>());
            var error = p["lastError"]!.GetValue<string>();
            Assert.Contains("Sink 'bus'", error, StringComparison.Ordinal);
            Assert.Contains("QuotaExceeded", error, StringComparison.Ordinal);
            Assert.DoesNotContain("SAS_KEY_VALUE", error, StringComparison.Ordinal);
        });

        // Before the retry delay nothing is sent; after it the outbox sends the same notifications under the same ids.
        bus.ClearRefusals();
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(refused.Count, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(refused, bus.Stored.Select(m => m.MessageId!).ToHashSet(StringComparer.Ordinal));
        Assert.Equal(refused.Count, bus.Stored.Count);
    }

    /// <summary>
    /// The transfer is stored but the sender is told it failed (an acknowledgement it never saw). A timeout is
    /// transient, so the client retries it at once (ServiceBusRetryPolicy); a full entity is not, so the outbox retries
    /// it later. Either way the retry carries the ids the entity already holds, and duplicate detection keeps one copy.
    /// </summary>
    [Theory]
    [InlineData("com.microsoft:timeout", false)]
    [InlineData("amqp:resource-limit-exceeded", true)]
    public async Task A_send_that_arrived_unacknowledged_is_retried_under_the_same_ids_and_duplicate_detection_keeps_one(string condition, bool outboxRetries)
    {
        var time = new FakeTimeProvider(Now);
        await using var bus = LoopbackServiceBus.Start();
        var (app, feed) = await StartAsync(time, bus);
        await using var _ = app;
        await using var __ = feed;
        var dispatcher = app.Get<NotificationDispatcher>();
        var ids = (await OutboxAsync(app, "pending")).Select(p => p["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();

        bus.StoreButRefuseNext(condition);
        var sent = await dispatcher.DispatchDueAsync(CancellationToken.None);
        if (outboxRetries)
        {
            Assert.True(sent < ids.Count);
            Assert.NotEmpty(await OutboxAsync(app, "pending"));
            time.Advance(TimeSpan.FromMinutes(5));
            sent += await dispatcher.DispatchDueAsync(CancellationToken.None);
        }

        Assert.Equal(ids.Count, sent);
        Assert.Empty(await OutboxAsync(app, "pending"));
        var offered = bus.Offered.GroupBy(m => m.MessageId!, StringComparer.Ordinal).ToList();
        Assert.Equal(ids, offered.Select(g => g.Key).Order(StringComparer.Ordinal));
        Assert.Contains(offered, g => g.Count() == 2);
        Assert.All(offered, g => Assert.InRange(g.Count(), 1, 2));
        Assert.Equal(ids, bus.Stored.Select(m => m.MessageId!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("FullyQualifiedNamespace", "https://acme.servicebus.windows.net/", "is not a host name")]
    [InlineData("ConnectionString", "not a connection string", "ConnectionString: it is not a Service Bus connection string")]
    [InlineData("QueueOrTopic", "bad name!", "QueueOrTopic 'bad name!' is not a queue or topic name")]
    [InlineData("Both", "", "needs either FullyQualifiedNamespace (managed identity) or ConnectionString, not both")]
    public async Task A_bad_service_bus_sink_fails_start_up_naming_the_setting(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Sinks:bus:Type"] = "servicebus",
            ["Notifications:Sinks:bus:FullyQualifiedNamespace"] = "acme.servicebus.windows.net",
            ["Notifications:Sinks:bus:QueueOrTopic"] = Topic,
        };
        if (key == "Both")
        {
            settings["Notifications:Sinks:bus:ConnectionString"] = "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=secret-key";
        }
        else
        {
            if (key == "ConnectionString")
            {
                settings.Remove("Notifications:Sinks:bus:FullyQualifiedNamespace");
            }

            settings[$"Notifications:Sinks:bus:{key}"] = value;
        }

        // Every options class that depends on the sinks fails with the same message, so the host may aggregate them.
        var error = await Record.ExceptionAsync(() => TestApp.StartAsync(settings));
        Assert.True(error is OptionsValidationException or AggregateException { InnerExceptions: [OptionsValidationException, ..] }, error?.ToString());
        Assert.Contains("Notifications:Sinks:bus", error!.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_managed_identity_sink_starts_without_a_secret_and_an_empty_one_is_not_configured()
    {
        // What the Bicep writes: the namespace host and the identity's client id; connecting waits for the first send.
        await using (var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:Sinks:bus:Type"] = "servicebus",
            ["Notifications:Sinks:bus:FullyQualifiedNamespace"] = "acme.servicebus.windows.net",
            ["Notifications:Sinks:bus:QueueOrTopic"] = Topic,
            ["Notifications:Sinks:bus:ClientId"] = "00000000-0000-0000-0000-000000000001",
        }))
        {
            Assert.Equal("servicebus", Assert.Single(app.Get<INotificationSinkCatalog>().Sinks).Type);
        }

        await using var empty = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:Sinks:bus:Type"] = "servicebus",
            ["Notifications:Sinks:bus:FullyQualifiedNamespace"] = "",
            ["Notifications:Sinks:bus:QueueOrTopic"] = "",
        });
        Assert.Empty(empty.Get<INotificationSinkCatalog>().Sinks);
    }
}
