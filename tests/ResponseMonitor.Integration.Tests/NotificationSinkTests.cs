using System.Net;
using Microsoft.AspNetCore.Http;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// Teams, Slack and email sinks against real receivers (loopback HTTP listeners, an SMTP server process), with routing,
/// grouping, the channel's language, silences and quiet hours.
/// </summary>
public sealed class NotificationSinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private const string Complaint = "Still waiting for my refund, no answer from customer service!";

    /// <summary>A brand post with three critics in three threads (30 h, 29 h, 28 h) and a question waiting 40 h.</summary>
    private static List<JsonObject> ThreeCritics()
    {
        var items = new List<JsonObject> { Feed.Post("p1", "brand", Now.AddHours(-1)), Feed.Post("p0", "brand", Now.AddHours(-50)) };
        for (var i = 0; i < 3; i++)
        {
            var critic = Feed.Comment($"critic{i}", "p0", $"u{i}", Now.AddHours(-30 + i), Complaint);
            critic["url"] = $"https://social.example/p0/critic{i}";
            items.Add(critic);
        }

        items.Add(Feed.Comment("question", "p0", "u9", Now.AddHours(-40), "Do you ship to the Canaries?"));
        return items;
    }

    /// <summary>
    /// These tests count critic and target deliveries; the brand's posts beside them would also make a not-listening
    /// pre-warning, which ListeningTests and NotListeningRuleTests cover.
    /// </summary>
    private static readonly Dictionary<string, string?> NoNotListening = new() { ["Monitor:Warnings:NotListeningMinPosts"] = "1000" };

    private static async Task<(TestApp App, LoopbackServer Feed)> StartAsync(FakeTimeProvider time, List<JsonObject> items, Dictionary<string, string?> settings)
    {
        var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(items));
        var app = await TestApp.StartAsync(TestApp.Merge(TestApp.Channel(0, "ch", feed.Url("/feed")), NoNotListening, settings), time);
        await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("ch", CancellationToken.None);
        return (app, feed);
    }

    private static LoopbackServer Acknowledging(LoopbackServer server, int status, string body = "")
    {
        server.Handler = async ctx =>
        {
            ctx.Response.StatusCode = status;
            await ctx.Response.WriteAsync(body);
        };
        return server;
    }

    [Fact]
    public async Task Critics_go_to_slack_and_teams_grouped_in_the_channels_language_and_the_rest_only_where_routed()
    {
        var time = new FakeTimeProvider(Now);
        await using var slack = Acknowledging(await LoopbackServer.StartAsync(), 200, "ok");
        await using var teams = Acknowledging(await LoopbackServer.StartAsync(), 202);
        var (app, feed) = await StartAsync(time, ThreeCritics(), new Dictionary<string, string?>
        {
            ["Monitor:Channels:0:Language"] = "es",
            ["Notifications:Sinks:care:Type"] = "slack",
            ["Notifications:Sinks:care:Url"] = slack.Url("/services/T000/B000/secret").ToString(),
            ["Notifications:Sinks:oncall:Type"] = "teams",
            ["Notifications:Sinks:oncall:Url"] = teams.Url("/workflows/abc/triggers/manual/paths/invoke?sig=secret").ToString(),
            ["Notifications:Routes:0:Sinks:0"] = "care",
            ["Notifications:Routes:1:MinSeverity"] = "Critical",
            ["Notifications:Routes:1:Sinks:0"] = "oncall",
        });
        await using var _ = app;
        await using var __ = feed;

        Assert.Equal(7, await app.Get<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None));

        // Slack: one message for the three critics, one for the question's response target (a pre-warning at 40 of 48 h).
        Assert.Equal(2, slack.Requests.Count);
        var critics = slack.Requests.Select(r => JsonNode.Parse(r.Body)!).Single(m => m["blocks"]!.AsArray().Count == 7);
        Assert.Equal("ResponseMonitor: 3 avisos en Channel ch", critics["text"]!.GetValue<string>());
        Assert.Equal("header", critics["blocks"]![0]!["type"]!.GetValue<string>());
        var section = critics["blocks"]![1]!["text"]!["text"]!.GetValue<string>();
        Assert.StartsWith(":rotating_light: *Aviso · critical · critic-ignored*\nUn comentario crítico de U0 en Channel ch lleva 1 d 6 h esperando respuesta", section, StringComparison.Ordinal);
        Assert.Contains("<https://social.example/p0/critic0|Abrir el comentario>", critics["blocks"]![2]!["elements"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var target = slack.Requests.Select(r => JsonNode.Parse(r.Body)!).Single(m => m["blocks"]!.AsArray().Count == 3);
        Assert.Contains("sin primera respuesta", target["blocks"]![1]!["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // Teams: only the critical ones, one Adaptive Card with a block and a button per critic.
        var message = JsonNode.Parse(Assert.Single(teams.Requests).Body)!;
        Assert.Equal("message", message["type"]!.GetValue<string>());
        var attachment = message["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var card = attachment["content"]!;
        Assert.Equal(("AdaptiveCard", "1.4"), (card["type"]!.GetValue<string>(), card["version"]!.GetValue<string>()));
        Assert.Equal("ResponseMonitor: 3 avisos en Channel ch", card["body"]![0]!["text"]!.GetValue<string>());
        var containers = card["body"]!.AsArray().Skip(1).ToList();
        Assert.Equal(3, containers.Count);
        var button = containers[0]!["items"]!.AsArray().Last()!["actions"]![0]!;
        Assert.Equal(("Action.OpenUrl", "Abrir el comentario", "https://social.example/p0/critic0"), (button["type"]!.GetValue<string>(), button["title"]!.GetValue<string>(), button["url"]!.GetValue<string>()));
        Assert.Equal("Attention", containers[0]!["items"]![0]!["color"]!.GetValue<string>());

        // The outbox shows what each sink got.
        var sent = (await app.GetJsonAsync("/api/notifications?status=sent&sink=oncall"))["items"]!.AsArray();
        Assert.Equal(3, sent.Count);
    }

    [Fact]
    public async Task Slack_and_Teams_that_fail_keep_the_group_pending_with_an_error_that_hides_the_url_and_get_it_once_when_they_recover()
    {
        var time = new FakeTimeProvider(Now);
        await using var slack = Acknowledging(await LoopbackServer.StartAsync(), 500, "internal_error");
        await using var teams = Acknowledging(await LoopbackServer.StartAsync(), 429);
        var (app, feed) = await StartAsync(time, ThreeCritics(), new Dictionary<string, string?>
        {
            ["Notifications:Sinks:care:Type"] = "slack",
            ["Notifications:Sinks:care:Url"] = slack.Url("/services/T000/B000/slack-secret-path").ToString(),
            ["Notifications:Sinks:oncall:Type"] = "teams",
            ["Notifications:Sinks:oncall:Url"] = teams.Url("/workflows/abc/triggers/manual/paths/invoke?sig=teams-secret-sig").ToString(),
            ["Notifications:Routes:0:MinSeverity"] = "Critical",
            ["Notifications:Routes:0:Sinks:0"] = "care",
            ["Notifications:Routes:0:Sinks:1"] = "oncall",
        });
        await using var _ = app;
        await using var __ = feed;
        var dispatcher = app.Get<NotificationDispatcher>();

        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Single(slack.Requests);
        Assert.Single(teams.Requests);
        var pending = (await app.GetJsonAsync("/api/notifications?status=pending"))["items"]!.AsArray();
        Assert.Equal(6, pending.Count); // three critics, two sinks
        Assert.All(pending, d =>
        {
            var error = d!["lastError"]!.GetValue<string>();
            Assert.Contains(d["sink"]!.GetValue<string>() == "care" ? "500" : "429", error, StringComparison.Ordinal);
            Assert.DoesNotContain("secret", error, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(1, d["attempts"]!.GetValue<int>());
        });

        // Nothing is sent again before the retry delay; after it, both have recovered and get the group once.
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Single(slack.Requests);
        Acknowledging(slack, 200, "ok");
        Acknowledging(teams, 202);
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(6, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(2, slack.Requests.Count);
        Assert.Equal(2, teams.Requests.Count);
        Assert.Equal(3, JsonNode.Parse(slack.Requests.Last().Body)!["blocks"]!.AsArray().Count(b => b!["type"]!.GetValue<string>() == "section"));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Empty((await app.GetJsonAsync("/api/notifications?status=pending"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Email_goes_over_starttls_with_authentication_and_a_relay_that_fails_gets_it_when_it_recovers()
    {
        var time = new FakeTimeProvider(Now);
        await using var smtp = await SmtpSink.StartAsync();
        var mail = new Dictionary<string, string?>
        {
            ["Monitor:Channels:0:Language"] = "de",
            ["Notifications:Sinks:mail:Type"] = "email",
            ["Notifications:Sinks:mail:Host"] = "127.0.0.1",
            ["Notifications:Sinks:mail:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Sinks:mail:Username"] = SmtpSink.User,
            ["Notifications:Sinks:mail:Password"] = SmtpSink.Password,
            ["Notifications:Sinks:mail:From"] = "monitor@brand.example",
            ["Notifications:Sinks:mail:To:0"] = "care@brand.example",
            ["Notifications:Sinks:mail:ServerCertificateSha256"] = smtp.CertificateSha256,
            ["Notifications:Routes:0:Rules:0"] = "critic-ignored",
            ["Notifications:Routes:0:Sinks:0"] = "mail",
            ["Notifications:RetryDelay"] = "00:01:00",
        };
        await smtp.FailNextAsync(1);
        var (app, feed) = await StartAsync(time, ThreeCritics(), mail);
        await using var _ = app;
        await using var __ = feed;
        var dispatcher = app.Get<NotificationDispatcher>();

        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        var waiting = (await app.GetJsonAsync("/api/notifications?status=pending&sink=mail"))["items"]!.AsArray();
        Assert.Equal(3, waiting.Count);
        Assert.Contains("451", waiting[0]!["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(SmtpSink.Password, waiting[0]!["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await smtp.MessagesAsync());

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(3, await dispatcher.DispatchDueAsync(CancellationToken.None));
        var received = Assert.Single(await smtp.MessagesAsync())!;
        Assert.True(received["secure"]!.GetValue<bool>());               // STARTTLS happened before anything was sent
        Assert.Equal(SmtpSink.User, received["user"]!.GetValue<string>());
        Assert.Equal("care@brand.example", received["to"]![0]!.GetValue<string>());
        var raw = received["raw"]!.GetValue<string>();
        var parsed = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
        Assert.Equal("ResponseMonitor: 3 Warnungen auf Channel ch", parsed.Subject);
        Assert.EndsWith(".mail@responsemonitor", parsed.MessageId, StringComparison.Ordinal);
        Assert.Contains("Ein kritischer Kommentar von U0 auf Channel ch wartet seit 1 T 6 Std.", parsed.TextBody, StringComparison.Ordinal);
        Assert.Contains("Kommentar öffnen: https://social.example/p0/critic0", parsed.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://social.example/p0/critic0\">", parsed.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relay_whose_certificate_is_not_trusted_gets_nothing()
    {
        var time = new FakeTimeProvider(Now);
        await using var smtp = await SmtpSink.StartAsync();
        var (app, feed) = await StartAsync(time, ThreeCritics(), new Dictionary<string, string?>
        {
            ["Notifications:Sinks:mail:Type"] = "email",
            ["Notifications:Sinks:mail:Host"] = "127.0.0.1",
            ["Notifications:Sinks:mail:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Sinks:mail:Username"] = SmtpSink.User,
            ["Notifications:Sinks:mail:Password"] = SmtpSink.Password,
            ["Notifications:Sinks:mail:From"] = "monitor@brand.example",
            ["Notifications:Sinks:mail:To:0"] = "care@brand.example",
        });
        await using var _ = app;
        await using var __ = feed;

        Assert.Equal(0, await app.Get<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None));
        Assert.Empty(await smtp.MessagesAsync());
        var error = (await app.GetJsonAsync("/api/notifications?sink=mail"))["items"]![0]!["lastError"]!.GetValue<string>();
        Assert.Contains("SslHandshakeException", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silence_holds_notifications_while_warnings_go_on_and_they_arrive_when_it_ends()
    {
        var time = new FakeTimeProvider(Now);
        await using var hook = Acknowledging(await LoopbackServer.StartAsync(), 204);
        var settings = new Dictionary<string, string?> { ["Notifications:WebhookUrl"] = hook.Url("/hook").ToString() };
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(ThreeCritics()));
        await using var app = await TestApp.StartAsync(TestApp.Merge(TestApp.Channel(0, "ch", feed.Url("/feed")), NoNotListening, settings), time);

        var created = await app.Client.PostAsJsonAsync(new Uri("/api/silences", UriKind.Relative), new { channelId = "ch", rule = "critic-ignored", duration = "02:00:00", createdBy = "ana", comment = "Refund backlog is known; agents on it." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var silence = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("active", Now.AddHours(2)), (silence["status"]!.GetValue<string>(), silence["endsAt"]!.GetValue<DateTimeOffset>()));

        await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("ch", CancellationToken.None);
        var dispatcher = app.Get<NotificationDispatcher>();
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));   // the response-target pre-warning is not silenced

        // The critics fire and are kept; their notifications wait for the silence.
        Assert.Equal(3, (await app.GetJsonAsync("/api/warnings?state=firing&rule=critic-ignored"))["items"]!.AsArray().Count);
        var held = (await app.GetJsonAsync("/api/notifications?status=pending"))["items"]!.AsArray();
        Assert.Equal(3, held.Count);
        Assert.All(held, h => Assert.Equal("silence:" + silence["id"]!.GetValue<string>(), h!["heldBy"]!.GetValue<string>()));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));

        // Ended early through the API: what was held goes out, once, grouped.
        time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client.DeleteAsync(new Uri($"/api/silences/{silence["id"]}", UriKind.Relative))).StatusCode);
        Assert.Equal(3, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(3, JsonNode.Parse(hook.Requests.Last().Body)!["notifications"]!.AsArray().Count);
        Assert.Equal("expired", (await app.GetJsonAsync("/api/silences"))["items"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_brand_silence_holds_every_channel_of_that_brand_and_no_other()
    {
        var time = new FakeTimeProvider(Now);
        await using var hook = Acknowledging(await LoopbackServer.StartAsync(), 204);
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(ThreeCritics()));
        var settings = TestApp.Merge(
            TestApp.Channel(0, "acme-fb", feed.Url("/feed")),
            TestApp.Channel(1, "other-fb", feed.Url("/feed")),
            new Dictionary<string, string?>
            {
                ["Monitor:Channels:0:Brand"] = "Acme",
                ["Monitor:Channels:1:Brand"] = "Other",
                ["Notifications:WebhookUrl"] = hook.Url("/hook").ToString(),
            },
            NoNotListening);
        await using var app = await TestApp.StartAsync(settings, time);

        var created = await app.Client.PostAsJsonAsync(new Uri("/api/silences", UriKind.Relative), new { brand = "acme", duration = "04:00:00", createdBy = "ana", comment = "Acme's campaign week: agents on it." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var silence = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Acme", silence["brand"]!.GetValue<string>());

        await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("acme-fb", CancellationToken.None);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("other-fb", CancellationToken.None);
        var dispatcher = app.Get<NotificationDispatcher>();

        // Three critics and a response-target pre-warning per channel: Other's four go out, Acme's four wait.
        // Under load a loopback connection can drop; the outbox retries after its delay, as it would in production.
        var sent = await dispatcher.DispatchDueAsync(CancellationToken.None);
        for (var retry = 0; retry < 3 && sent < 4; retry++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            sent += await dispatcher.DispatchDueAsync(CancellationToken.None);
        }

        Assert.Equal(4, sent);
        Assert.NotEmpty(hook.Requests);
        Assert.All(hook.Requests, r => Assert.Equal("other-fb", JsonNode.Parse(r.Body)!["channelId"]!.GetValue<string>()));
        var held = (await app.GetJsonAsync("/api/notifications?status=pending"))["items"]!.AsArray();
        Assert.Equal(4, held.Count);
        Assert.All(held, h => Assert.Equal(("acme-fb", "silence:" + silence["id"]!.GetValue<string>()), (h!["channelId"]!.GetValue<string>(), h["heldBy"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Quiet_hours_hold_all_but_critical_until_morning()
    {
        var night = new DateTimeOffset(2026, 3, 10, 23, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(night);
        await using var hook = Acknowledging(await LoopbackServer.StartAsync(), 204);
        var items = new List<JsonObject>
        {
            Feed.Post("p0", "brand", night.AddHours(-100)),                                        // silent for 100 h: a warning
            Feed.Comment("critic", "p0", "u1", night.AddHours(-30), Complaint),                    // critical
        };
        var (app, feed) = await StartAsync(time, items, new Dictionary<string, string?>
        {
            ["Notifications:Sinks:team:Type"] = "webhook",
            ["Notifications:Sinks:team:Url"] = hook.Url("/hook").ToString(),
            ["Notifications:Sinks:team:QuietHours:TimeZone"] = "Europe/London",
            ["Notifications:Sinks:team:QuietHours:Start"] = "22:00",
            ["Notifications:Sinks:team:QuietHours:End"] = "07:00",
            ["Notifications:Sinks:team:QuietHours:Bypass:0"] = "Critical",
        });
        await using var _ = app;
        await using var __ = feed;
        var dispatcher = app.Get<NotificationDispatcher>();

        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal("critic-ignored", JsonNode.Parse(Assert.Single(hook.Requests).Body)!["rule"]!.GetValue<string>());
        var held = (await app.GetJsonAsync("/api/notifications?status=pending"))["items"]!.AsArray();
        var silent = held.Single(h => h!["rule"]!.GetValue<string>() == "brand-silent")!;
        Assert.Equal(("quiet-hours", new DateTimeOffset(2026, 3, 11, 7, 0, 0, TimeSpan.Zero)), (silent["heldBy"]!.GetValue<string>(), silent["nextAttemptAt"]!.GetValue<DateTimeOffset>()));

        time.Advance(TimeSpan.FromHours(8));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Contains(hook.Requests, r => JsonNode.Parse(r.Body)!["rule"]!.GetValue<string>() == "brand-silent");
    }

    [Theory]
    [InlineData("{\"channelId\":\"ch\",\"duration\":\"01:00:00\",\"comment\":\"x\"}", 400, "createdBy")]
    [InlineData("{\"createdBy\":\"a\",\"comment\":\"x\"}", 400, "endsAt or duration")]
    [InlineData("{\"createdBy\":\"a\",\"comment\":\"x\",\"endsAt\":\"2026-03-01T00:00:00Z\"}", 400, "in the future")]
    [InlineData("{\"createdBy\":\"a\",\"comment\":\"x\",\"duration\":\"100.00:00:00\"}", 400, "at most 90 days")]
    [InlineData("{\"createdBy\":\"a\",\"comment\":\"x\",\"duration\":\"01:00:00\",\"rule\":\"gossip\"}", 400, "rule must be one of")]
    [InlineData("{\"createdBy\":\"a\",\"comment\":\"x\",\"duration\":\"01:00:00\",\"channelId\":\"nope\"}", 404, "No channel 'nope'")]
    [InlineData("{\"createdBy\":\"a\",\"comment\":\"x\",\"duration\":\"01:00:00\",\"brand\":\"Nobody\"}", 400, "No channel belongs to brand 'Nobody'")]
    [InlineData("{not json", 400, "The body must be JSON like {\"channelId\"")]
    public async Task Bad_silences_are_refused_with_the_reason(string body, int status, string expected)
    {
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")), new FakeTimeProvider(Now));
        var response = await app.Client.PostAsync(new Uri("/api/silences", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(expected, (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous.PostAsync(new Uri("/api/silences", UriKind.Relative), new StringContent(body))).StatusCode);
    }
}
