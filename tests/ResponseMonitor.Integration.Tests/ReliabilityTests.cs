using ResponseMonitor.App.Hosting;
using Microsoft.AspNetCore.Http;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using ResponseMonitor.App.Functions;
using ResponseMonitor.App.Standalone;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// Defects a stress run of the standalone app found (issue "Hold under load, faults and bad input"), each answered with
/// a clear 4xx or 503 instead of a 500 or a two-minute wait. Each of these answered 500 (or hung) before its fix.
/// </summary>
public sealed partial class ReliabilityTests
{
    private static Dictionary<string, string?> Channel() => TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed"));

    private static async Task<(HttpStatusCode Status, string Body)> PostJsonAsync(TestApp app, string path, string json)
    {
        using var response = await app.Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"channelId\":\"ch\",\"duration\":\"10675199.02:48:05.4775807\",\"createdBy\":\"a\",\"comment\":\"b\"}", "duration must be")]
    [InlineData("{\"channelId\":\"ch\",\"startsAt\":\"9999-12-31T23:00:00Z\",\"duration\":\"02:00:00\",\"createdBy\":\"a\",\"comment\":\"b\"}", "startsAt must be within")]
    [InlineData("{\"channelId\":\"ch\",\"startsAt\":\"0001-01-01T00:00:00Z\",\"duration\":\"02:00:00\",\"createdBy\":\"a\",\"comment\":\"b\"}", "startsAt must be within")]
    [InlineData("{\"channelId\":\"ch\",\"duration\":\"-01:00:00\",\"createdBy\":\"a\",\"comment\":\"b\"}", "duration must be")]
    [InlineData("{\"channelId\":\"ch\",\"duration\":\"soon\",\"createdBy\":\"a\",\"comment\":\"b\"}", "'$.duration' must be a duration such as 04:00:00")]
    public async Task Silences_at_the_ends_of_the_calendar_are_refused_with_the_reason(string body, string expected)
    {
        await using var app = await TestApp.StartAsync(Channel());

        var (status, text) = await PostJsonAsync(app, "/api/silences", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Empty((await app.GetJsonAsync("/api/silences"))["items"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/metrics?to=0001-01-02T00:00:00Z")]
    [InlineData("/api/metrics?from=9999-12-31T00:00:00Z")]
    [InlineData("/api/metrics/exclusions?channel=ch&to=0001-01-02T00:00:00Z")]
    [InlineData("/api/warnings?from=0001-01-01T00:00:00Z")]
    public async Task Windows_at_the_ends_of_the_calendar_are_a_400_that_says_the_range(string path)
    {
        await using var app = await TestApp.StartAsync(Channel());

        using var response = await app.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be between 2000-01-01 and 9000-01-01", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/classify", "{\"texts\":\"abc\"}", "'$.texts' must be an array of strings")]
    [InlineData("/api/classify", "{\"texts\":[\"ok\", 42]}", "'$.texts[1]' must be a string")]
    [InlineData("/api/critics/labels", "{\"labels\":\"x\"}", "'$.labels' must be an array of {channelId, itemId, label} objects")]
    [InlineData("/api/silences", "{\"startsAt\": 5}", "'$.startsAt' must be an ISO 8601 instant")]
    [InlineData("/api/classify", "{\"texts\": [", "it is not valid JSON")]
    public async Task A_field_of_the_wrong_type_is_named_with_what_it_must_be_and_no_dotnet_type_name(string path, string body, string expected)
    {
        await using var app = await TestApp.StartAsync(Channel());

        var (status, text) = await PostJsonAsync(app, path, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("IReadOnlyList", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/silences")]
    [InlineData("/api/classify")]
    [InlineData("/api/critics/labels")]
    public async Task A_json_body_over_the_limit_is_a_413(string path)
    {
        await using var app = await TestApp.StartAsync(Channel());
        var huge = "{\"comment\":\"" + new string('x', 5 * 1024 * 1024) + "\"}";

        var (status, text) = await PostJsonAsync(app, path, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("MiB", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_shorter_than_its_content_length_times_out_as_a_4xx_not_a_500()
    {
        await using var app = await TestApp.StartAsync(Channel());
        var uri = new Uri(app.App.Urls.First());
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var stream = tcp.GetStream();
        var request = $"POST /api/classify HTTP/1.1\r\nHost: {uri.Authority}\r\nx-api-key: {TestApp.ApiKey}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"texts\":[\"a";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        // The rest never comes: Kestrel's minimum body data rate (after its 5 s grace) ends the read.
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var answer = Encoding.ASCII.GetString(buffer, 0, read);

        Assert.Matches("^HTTP/1.1 4(08|00) ", answer);
        Assert.DoesNotContain("500", answer.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_line_with_invalid_unicode_is_reported_by_line_and_the_rest_is_stored()
    {
        await using var app = await TestApp.StartAsync(Channel());
        var lines = string.Join("\n",
            "{\"id\":\"p1\",\"kind\":\"post\",\"authorId\":\"brand\",\"createdAt\":\"2026-11-20T10:00:00Z\",\"text\":\"hello\"}",
            "{\"id\":\"c1\",\"parentId\":\"p1\",\"kind\":\"comment\",\"authorId\":\"u1\",\"createdAt\":\"2026-11-20T11:00:00Z\",\"text\":\"bad \\ud800 here\"}",
            "{\"id\":\"c2\",\"parentId\":\"p1\",\"kind\":\"comment\",\"authorId\":\"u2\",\"createdAt\":\"2026-11-20T12:00:00Z\",\"text\":\"fine\"}");

        using var response = await app.Client.PostAsync("/api/import/ch", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, body["imported"]!.GetValue<int>());
        var error = body["errors"]!.AsArray().Single()!;
        Assert.Equal(2, error["line"]!.GetValue<int>());
        Assert.Contains("invalid Unicode", error["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hung_storage_account_is_a_503_with_retry_after_within_the_client_time_out()
    {
        // Storage that accepts connections and never answers, like a frozen emulator.
        using var hung = new TcpListener(IPAddress.Loopback, 0);
        hung.Start();
        var port = ((IPEndPoint)hung.LocalEndpoint).Port;
        var accepted = new List<TcpClient>();
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    accepted.Add(await hung.AcceptTcpClientAsync());
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
            }
        });
        var storage = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        var settings = TestApp.Merge(Channel(), new Dictionary<string, string?> { ["Storage:NetworkTimeout"] = "00:00:01", ["Storage:MaxRetries"] = "1" });
        await using var app = await TestApp.StartAsync(settings, storage: storage);

        var clock = Stopwatch.StartNew();
        using var response = await app.Client.GetAsync("/api/dashboard");
        clock.Stop();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("30", response.Headers.RetryAfter!.ToString());
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("did not answer", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        foreach (var client in accepted.ToList())
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task The_dashboard_counts_every_active_warning_and_lists_say_when_they_are_cut()
    {
        await using var feed = await LoopbackServer.StartAsync();
        var at = DateTimeOffset.UtcNow.AddDays(-2);
        var items = new List<JsonObject> { Feed.Post("p1", "brand", at) };
        items.AddRange(Enumerable.Range(1, 30).Select(i => Feed.Comment($"c{i}", "p1", $"u{i}", at.AddMinutes(i), "Terrible service, still no refund, awful!")));
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(items));
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed")));
        await app.Get<PollChannelsFunction>().RunAsync(CancellationToken.None);
        await TestApp.DrainPollQueueAsync(app);
        while (await app.Services.GetQueueListener(FunctionNames.AnalyzeChannel).RunOnceAsync(CancellationToken.None) > 0)
        {
        }

        var listed = (await app.GetJsonAsync("/api/warnings?limit=5000"))["items"]!.AsArray();
        var all = listed.Count;
        var dashboard = await app.GetJsonAsync("/api/dashboard");
        var channel = dashboard["channels"]![0]!;

        Assert.True(all > 20, $"{all} warnings");
        Assert.Equal(all, dashboard["activeWarningCount"]!.GetValue<int>());
        Assert.Equal(all, channel["activeWarningCount"]!.GetValue<int>());
        Assert.Equal(5, channel["activeWarnings"]!.AsArray().Count);
        Assert.Equal(
            listed.Select(w => w!["rule"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal),
            channel["activeWarningRules"]!.AsArray().Select(r => r!.GetValue<string>()));
        var cut = await app.GetJsonAsync("/api/warnings?limit=10");
        Assert.Equal(10, cut["items"]!.AsArray().Count);
        Assert.True(cut["truncated"]!.GetValue<bool>());
        Assert.False((await app.GetJsonAsync("/api/warnings?limit=5000"))["truncated"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("{\"items\":[{\"id\":\"c1\",\"parentId\":\"p1\",\"kind\":\"comment\",\"authorId\":\"u1\",\"createdAt\":\"2026-11-20T10:00:00\",\"text\":\"hi\"}]}", "must be an ISO 8601 instant with its offset")]
    [InlineData("{\"items\":[{\"id\":\"c1\",\"parentId\":\"c1\",\"kind\":\"comment\",\"authorId\":\"u1\",\"createdAt\":\"2026-11-20T10:00:00Z\",\"text\":\"hi\"}]}", "'parentId' names the item itself")]
    public async Task A_push_is_held_to_the_same_item_rules_as_an_import(string page, string expected)
    {
        const string secret = "reliability-webhook-secret";
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed"), webhookSecret: secret));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/ch") { Content = new StringContent(page, Encoding.UTF8, "application/json") };
        request.Headers.Add(App.Api.Webhooks.WebhookSignature.HeaderName, App.Api.Webhooks.WebhookSignature.Compute(secret, Encoding.UTF8.GetBytes(page)));

        using var response = await app.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await app.Get<Domain.Ports.IItemStore>().GetAsync("ch", ["c1"], CancellationToken.None));
    }

    [Fact]
    public async Task An_import_refuses_ids_longer_than_a_push_accepts()
    {
        await using var app = await TestApp.StartAsync(Channel());
        var line = new JsonObject { ["id"] = new string('x', 300), ["kind"] = "post", ["authorId"] = "brand", ["createdAt"] = "2026-11-20T10:00:00Z", ["text"] = "long id" }.ToJsonString();

        using var response = await app.Client.PostAsync("/api/import/ch", new StringContent(line, Encoding.UTF8, "application/x-ndjson"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(0, body["imported"]!.GetValue<int>());
        Assert.Contains("longer than 256 characters", body["errors"]![0]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stopped_instance_lets_go_of_the_poll_lease_so_the_next_one_polls_at_once()
    {
        var prefix = TestApp.NewPrefix();
        await using var first = await TestApp.StartAsync(Channel(), sharedPrefix: prefix);
        await using var second = await TestApp.StartAsync(Channel(), sharedPrefix: prefix);
        Assert.True(await first.Get<PollScheduler>().TickAsync(CancellationToken.None));
        Assert.False(await second.Get<PollScheduler>().TickAsync(CancellationToken.None));   // the lease is held for 30 s

        var clock = Stopwatch.StartNew();
        await first.Get<PollScheduler>().StopAsync(CancellationToken.None);

        Assert.True(await second.Get<PollScheduler>().TickAsync(CancellationToken.None));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the gap was {clock.Elapsed}");
    }

    [Fact]
    public async Task A_feed_page_served_as_html_is_refused_and_nothing_moves()
    {
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = async ctx =>
        {
            ctx.Response.ContentType = "text/html; charset=utf-8";
            await ctx.Response.WriteAsync(Feed.Page([Feed.Post("p1", "brand", DateTimeOffset.UtcNow.AddHours(-1))]));
        };
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed")));

        var outcome = Assert.Single((await app.Get<Domain.Polling.ChannelPoller>().PollAllAsync(CancellationToken.None)).Channels);

        Assert.False(outcome.Succeeded);
        Assert.Contains("answered text/html, not JSON", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(await app.Get<Domain.Ports.IItemStore>().GetAsync("ch", ["p1"], CancellationToken.None));
        Assert.Null((await app.Get<Domain.Ports.IChannelStateStore>().GetAsync("ch", CancellationToken.None))!.Cursor);
    }

    private static JsonObject Comment(string id, DateTimeOffset at, string? authorId = null, string? authorName = null, string text = "a question?")
    {
        var item = Feed.Comment(id, "p1", authorId ?? "u-" + id, at, text);
        if (authorName is not null)
        {
            item["authorName"] = authorName;
        }

        return item;
    }

    [Fact]
    public async Task A_push_with_an_over_long_name_is_stored_whole_with_the_name_cut_and_marked()
    {
        const string secret = "oversize-webhook-secret";
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed"), webhookSecret: secret));
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        var items = new List<JsonObject> { Feed.Post("p1", "brand", at) };
        items.AddRange(Enumerable.Range(1, 149).Select(i => Comment($"c{i}", at.AddSeconds(i), authorName: i == 120 ? new string('n', 200 * 1024) : null)));
        var page = Feed.Page(items);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/ch") { Content = new StringContent(page, Encoding.UTF8, "application/json") };
        request.Headers.Add(App.Api.Webhooks.WebhookSignature.HeaderName, App.Api.Webhooks.WebhookSignature.Compute(secret, Encoding.UTF8.GetBytes(page)));
        var limit = app.Get<Microsoft.Extensions.Options.IOptions<App.Configuration.ApiOptions>>().Value.MaxWebhookBytes;
        Assert.True(Encoding.UTF8.GetByteCount(page) < limit, "the push must fit the webhook limit for this test");

        using var response = await app.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await app.Get<Domain.Ports.IItemStore>().GetAsync("ch", [.. items.Select(i => i["id"]!.GetValue<string>())], CancellationToken.None);
        Assert.Equal(150, stored.Count);
        Assert.True(stored["c120"].Truncated);
        Assert.Equal(Domain.Conversations.ItemRules.MaxAuthorNameLength, stored["c120"].AuthorName!.Length);
        Assert.False(stored["c119"].Truncated);
    }

    [Fact]
    public async Task A_push_with_an_id_that_cannot_be_stored_is_refused_whole_naming_the_field()
    {
        const string secret = "oversize-webhook-secret";
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed"), webhookSecret: secret));
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        var page = Feed.Page([Feed.Post("p1", "brand", at), Comment("c1", at.AddMinutes(1)), Comment("c2", at.AddMinutes(2), authorId: new string('a', 300))]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/ch") { Content = new StringContent(page, Encoding.UTF8, "application/json") };
        request.Headers.Add(App.Api.Webhooks.WebhookSignature.HeaderName, App.Api.Webhooks.WebhookSignature.Compute(secret, Encoding.UTF8.GetBytes(page)));

        using var response = await app.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("items[2]: 'authorId' is longer than 256 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await app.Get<Domain.Ports.IItemStore>().GetAsync("ch", ["p1", "c1"], CancellationToken.None));
    }

    [Fact]
    public async Task A_polled_page_with_one_unstorable_item_stores_the_rest_and_the_cursor_moves_on()
    {
        await using var feed = await LoopbackServer.StartAsync();
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page([
            Feed.Post("p1", "brand", at),
            Comment("c1", at.AddMinutes(1), authorId: new string('a', 300)),
            Comment("c2", at.AddMinutes(2), text: new string('t', 100_000)),
        ]));
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed")));

        var outcome = Assert.Single((await app.Get<Domain.Polling.ChannelPoller>().PollAllAsync(CancellationToken.None)).Channels);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(2, outcome.ItemsStored);
        var stored = await app.Get<Domain.Ports.IItemStore>().GetAsync("ch", ["p1", "c1", "c2"], CancellationToken.None);
        Assert.Equal(["c2", "p1"], stored.Keys.Order());
        Assert.True(stored["c2"].Truncated);
        Assert.Equal(Domain.Conversations.ItemRules.MaxTextLength, stored["c2"].Text.Length);
        var state = await app.Get<Domain.Ports.IChannelStateStore>().GetAsync("ch", CancellationToken.None);
        Assert.Null(state!.LastPollError);
        Assert.Equal(at.AddMinutes(2), DateTimeOffset.Parse(JsonNode.Parse(state.Cursor!)!["since"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_import_of_a_megabyte_comment_stores_it_cut_and_a_silence_field_too_long_is_named()
    {
        await using var app = await TestApp.StartAsync(Channel());
        var line = new JsonObject { ["id"] = "big", ["kind"] = "post", ["authorId"] = "brand", ["createdAt"] = "2026-11-20T10:00:00Z", ["text"] = new string('w', 1024 * 1024) }.ToJsonString();

        using var response = await app.Client.PostAsync("/api/import/ch", new StringContent(line, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await app.Get<Domain.Ports.IItemStore>().GetAsync("ch", ["big"], CancellationToken.None))["big"].Truncated);

        var (status, text) = await PostJsonAsync(app, "/api/silences", "{\"channelId\":\"ch\",\"subject\":\"" + new string('s', 100 * 1024) + "\",\"duration\":\"01:00:00\",\"createdBy\":\"a\",\"comment\":\"b\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'subject' has 102400 characters; at most 256", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// The generic feed's contract is ours (docs/GENERIC_FEED.md, "Poll"); its wait is HTTP's own: Retry-After as
    /// seconds or an HTTP date on a 429 or 503 (RFC 9110 §10.2.3 and §15.6.4; RFC 6585 §4), read by FeedErrors.
    /// </summary>
    [Theory]
    [InlineData(429, "120")]
    [InlineData(503, "120")]
    public async Task A_feeds_retry_after_holds_the_channel_across_polls(int status, string retryAfter)
    {
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx =>
        {
            ctx.Response.Headers.RetryAfter = retryAfter;
            return Feed.Write(ctx, "{}", status);
        };
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed")));
        var poller = app.Get<Domain.Polling.ChannelPoller>();
        var before = DateTimeOffset.UtcNow;

        var first = Assert.Single((await poller.PollAllAsync(CancellationToken.None)).Channels);
        var requests = feed.Requests.Count;
        var second = await poller.PollAllAsync(CancellationToken.None);

        Assert.False(first.Succeeded);
        Assert.Contains("paused until", first.Error, StringComparison.Ordinal);
        var paused = (await app.Get<Domain.Ports.IChannelStateStore>().GetAsync("ch", CancellationToken.None))!.PausedUntil;
        Assert.InRange(paused!.Value, before.AddSeconds(110), DateTimeOffset.UtcNow.AddSeconds(130));
        Assert.Equal(requests, feed.Requests.Count);   // the next poll did not ask the feed
        Assert.Equal(0, second.ItemsStored);
    }

    [Fact]
    public async Task Secrets_in_query_strings_never_reach_the_log_even_at_trace()
    {
        var logs = new CapturingLoggerProvider();
        var settings = TestApp.Merge(Channel(), new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Monitor:Channels:0:WebhookVerifyToken"] = "verify-secret-4711",
        });
        await using var app = await TestApp.StartAsync(settings, logging: logs);

        using var verify = await app.Anonymous.GetAsync("/api/webhooks/ch?hub.mode=subscribe&hub.verify_token=verify-secret-4711&hub.challenge=42");
        using var keyed = await app.Client.GetAsync("/api/dashboard?code=function-key-secret-0815");

        Assert.Equal("42", await verify.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("verify-secret-4711", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("function-key-secret-0815", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(TestApp.ApiKey, StringComparison.Ordinal));
    }
}
