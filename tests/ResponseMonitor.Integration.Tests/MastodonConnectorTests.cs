using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ResponseMonitor.Connectors.Mastodon;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>The Mastodon connector against a loopback server replaying recorded Mastodon 4.x responses and scenarios in the same shapes.</summary>
public sealed class MastodonConnectorTests
{
    private const string Account = "117020565966271181";

    private static Dictionary<string, string?> Channel(LoopbackServer server, string? token = null) => new()
    {
        ["Monitor:Channels:0:Id"] = "masto",
        ["Monitor:Channels:0:Kind"] = "mastodon",
        ["Monitor:Channels:0:Settings:instanceUrl"] = server.BaseAddress.ToString(),
        ["Monitor:Channels:0:Settings:accountId"] = Account,
        ["Monitor:Channels:0:BrandAuthorIds:0"] = Account,
        ["Monitor:Channels:0:AccessToken"] = token,
    };

    /// <summary>Serves a recorded interaction: its JSON body, and its Link header pointed at this server.</summary>
    private static Task Replay(HttpContext context, LoopbackServer server, JsonNode interaction)
    {
        if (interaction["response_headers"]?["link"]?[0]?.GetValue<string>() is { } link)
        {
            context.Response.Headers.Link = link.Replace("http://localhost:3000/", server.BaseAddress.ToString(), StringComparison.Ordinal);
        }

        return Feed.Write(context, interaction["response_json"]!.ToJsonString());
    }

    private static ChannelDefinition Definition(TestApp app) => app.Get<IChannelCatalog>().Find("masto")!;

    [Fact]
    public async Task The_first_poll_reads_the_newest_recorded_page_without_backfilling()
    {
        var recorded = Fixtures.Gets("mastodon_py_cassettes/test_fetch_next_previous.json").Where(i => i["uri"]!.GetValue<string>().Contains("/statuses?", StringComparison.Ordinal)).ToList();
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => Replay(ctx, server, recorded[0]);
        await using var app = await TestApp.StartAsync(Channel(server));

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal((5, 1), (outcome.ItemsStored, outcome.PagesStored));
        Assert.StartsWith($"/api/v1/accounts/{Account}/statuses?limit=40", server.Requests.First().PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.Contains("/context", StringComparison.Ordinal));   // recorded posts are months old
        var state = await app.Get<IChannelStateStore>().GetAsync("masto", CancellationToken.None);
        Assert.Equal("117020580518794573", Assert.IsType<string>(JsonNode.Parse(state!.Cursor!)!["statusesSince"]!.GetValue<string>()));
        var items = await app.Get<IItemStore>().GetAsync("masto", ["117020580518794573"], CancellationToken.None);
        Assert.Equal(("Toot number 9!", ItemKind.Post, Account), (items.Values.Single().Text, items.Values.Single().Kind, items.Values.Single().AuthorId));
    }

    [Fact]
    public async Task Later_polls_go_forward_from_the_cursor_following_the_recorded_link()
    {
        var recorded = Fixtures.Gets("mastodon_py_cassettes/test_fetch_next_previous.json");
        var forward = recorded.Single(i => i["uri"]!.GetValue<string>().Contains("min_id=117020580481736214", StringComparison.Ordinal));
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Query["min_id"] == "117020580481736214" ? Replay(ctx, server, forward) : Feed.Write(ctx, "[]");
        await using var app = await TestApp.StartAsync(Channel(server));

        var cursor = "{\"statusesSince\":\"117020580481736214\"}";
        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), cursor, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(5, outcome.ItemsStored);
        // The recorded rel="prev" link (newer statuses) was followed, and it was empty.
        Assert.Contains(server.Requests, r => r.PathAndQuery.Contains("min_id=117020580518794573", StringComparison.Ordinal));
        var state = await app.Get<IChannelStateStore>().GetAsync("masto", CancellationToken.None);
        Assert.Contains("117020580518794573", state!.Cursor, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recorded_mention_becomes_a_public_message_with_its_html_as_text()
    {
        var notification = Fixtures.Gets("mastodon_py_cassettes/test_notifications_mentions_only.json")[0]["response_json"]![0]!;
        var status = System.Text.Json.JsonSerializer.Deserialize(notification["status"]!.ToJsonString(), MastodonJsonContext.Default.MastodonStatusDto);

        var item = MastodonConnector.ToItem(status);

        Assert.NotNull(item);
        Assert.Equal(("117020577157693549", "117020565693913441", "@mastodonpy_test hello!", ItemKind.Post), (item.Id, item.AuthorId, item.Text, item.Kind));
    }

    [Fact]
    public void The_documented_status_maps_with_edits_and_links()
    {
        var status = System.Text.Json.JsonSerializer.Deserialize(Fixtures.Load("mastodon_docs/status_example_0.json").ToJsonString(), MastodonJsonContext.Default.MastodonStatusDto);

        var item = MastodonConnector.ToItem(status)!;

        Assert.Equal("103270115826048975", item.Id);
        Assert.StartsWith("\"I lost my inheritance with one wrong digit on my sort code\"", item.Text, StringComparison.Ordinal);
        Assert.Equal("https://mastodon.social/@Gargron/103270115826048975", item.Url);
        Assert.Equal(new DateTimeOffset(2019, 12, 8, 3, 48, 33, 901, TimeSpan.Zero), item.CreatedAt);
    }

    [Fact]
    public async Task Replies_arrive_as_mentions_the_brand_answers_in_any_app_and_private_messages_and_boosts_are_skipped()
    {
        var t0 = DateTimeOffset.UtcNow.AddHours(-5);
        static JsonObject Status(string id, string account, DateTimeOffset at, string html, string? replyTo = null, string visibility = "public") => new()
        {
            ["id"] = id, ["created_at"] = at.ToString("O", CultureInfo.InvariantCulture), ["in_reply_to_id"] = replyTo, ["visibility"] = visibility,
            ["content"] = html, ["url"] = $"https://social.example/@x/{id}", ["account"] = new JsonObject { ["id"] = account, ["acct"] = "user" + account },
        };
        var statuses = new JsonArray { Status("1000", Account, t0, "<p>Our new app is live</p>") };
        var mentions = new JsonArray
        {
            new JsonObject { ["id"] = "50", ["type"] = "mention", ["status"] = Status("1001", "77", t0.AddMinutes(10), "<p>@brand the app crashes, still waiting for a fix!</p>", replyTo: "1000") },
            new JsonObject { ["id"] = "51", ["type"] = "mention", ["status"] = Status("1002", "78", t0.AddMinutes(11), "<p>@brand my order number is 1234</p>", visibility: "direct") },
            new JsonObject { ["id"] = "52", ["type"] = "mention", ["status"] = new JsonObject { ["id"] = "1003", ["created_at"] = t0.ToString("O"), ["visibility"] = "public", ["account"] = new JsonObject { ["id"] = "79" }, ["reblog"] = Status("1000", Account, t0, "x") } },
        };
        // A reply to the critic by someone else, no longer mentioning the brand: only the post's context shows it. The
        // context holds every descendant, the critic's mention included (Context.md: "descendants: Children in the thread").
        var context = new JsonObject { ["ancestors"] = new JsonArray(), ["descendants"] = new JsonArray(mentions[0]!["status"]!.DeepClone(), Status("1005", "80", t0.AddMinutes(20), "<p>same here, nobody answers</p>", replyTo: "1001")) };
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            Assert.Equal("Bearer masto-token", ctx.Request.Headers.Authorization.ToString());
            var path = ctx.Request.Path.Value!;
            var json = path.EndsWith("/context", StringComparison.Ordinal) ? context.ToJsonString()
                : path.Contains("/notifications", StringComparison.Ordinal) ? (ctx.Request.Query.ContainsKey("min_id") ? "[]" : mentions.ToJsonString())
                : (ctx.Request.Query.ContainsKey("min_id") ? "[]" : statuses.ToJsonString());
            return Feed.Write(ctx, json);
        };
        await using var app = await TestApp.StartAsync(Channel(server, token: "masto-token"));
        var poller = app.Get<ChannelPoller>();
        var analysis = app.Get<ChannelAnalysisService>();

        await poller.PollAllAsync(CancellationToken.None);
        var first = await analysis.AnalyzeAsync("masto", CancellationToken.None);
        // Both open replies are critics: the crash report and "same here, nobody answers".
        Assert.Equal((2, 2), (first.Snapshot.OpenCount, first.Snapshot.CriticalOpenCount));
        Assert.Contains(server.Requests, r => r.PathAndQuery == "/api/v1/statuses/1000/context");
        var state = await app.Get<IChannelStateStore>().GetAsync("masto", CancellationToken.None);
        Assert.Equal(("1000", "52"), (JsonNode.Parse(state!.Cursor!)!["statusesSince"]!.GetValue<string>(), JsonNode.Parse(state.Cursor!)!["notificationsSince"]!.GetValue<string>()));
        Assert.Empty(await app.Get<IItemStore>().GetAsync("masto", ["1002", "1003"], CancellationToken.None));

        // The brand replies from its phone app: the reply shows up in its own statuses and answers the critic.
        statuses.Insert(0, Status("1004", Account, t0.AddMinutes(40), "<p>Sorry! Fixed in 2.0.1</p>", replyTo: "1001"));
        server.Handler = ctx => Feed.Write(ctx, ctx.Request.Path.Value!.Contains("/statuses", StringComparison.Ordinal) && ctx.Request.Query["min_id"] == "1000"
            ? new JsonArray { statuses[0]!.DeepClone() }.ToJsonString()
            : "[]");
        await poller.PollAllAsync(CancellationToken.None);
        var second = await analysis.AnalyzeAsync("masto", CancellationToken.None);
        Assert.Equal(0, second.Snapshot.OpenCount);
        Assert.Equal(30 * 60, second.Snapshot.MedianFirstResponseSeconds);
    }

    [Fact]
    public async Task A_rejected_token_fails_the_poll_with_a_clear_reason_and_keeps_the_cursor()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value!.Contains("/notifications", StringComparison.Ordinal)
            ? Feed.Write(ctx, "{\"error\":\"The access token is invalid\"}", StatusCodes.Status401Unauthorized)
            : Feed.Write(ctx, "[]");
        await using var app = await TestApp.StartAsync(Channel(server, token: "revoked"));

        const string Stored = "{\"statusesSince\":\"5\",\"notificationsSince\":\"9\"}";
        await app.Get<IChannelStateStore>().RecordPollSuccessAsync("masto", Stored, app.Get<TimeProvider>().GetUtcNow(), CancellationToken.None);
        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), Stored, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("Mastodon refused the credentials", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("revoked", outcome.Error, StringComparison.Ordinal);
        var state = await app.Get<IChannelStateStore>().GetAsync("masto", CancellationToken.None);
        Assert.Contains("\"notificationsSince\":\"9\"", state!.Cursor, StringComparison.Ordinal);
    }

    /// <summary>
    /// https://docs.joinmastodon.org/api/rate-limits/: 300 calls per 5 minutes per account; a 429 carries
    /// X-RateLimit-Reset as an ISO 8601 instant. The channel pauses until then and keeps its cursor. Notifications ask
    /// for mentions and quotes, filtered ones included (https://docs.joinmastodon.org/methods/notifications/).
    /// </summary>
    [Fact]
    public async Task A_rate_limit_pauses_the_channel_until_the_reset_and_notifications_include_quotes_and_filtered()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            if (ctx.Request.Path.Value!.Contains("/notifications", StringComparison.Ordinal))
            {
                ctx.Response.Headers["X-RateLimit-Limit"] = "300";
                ctx.Response.Headers["X-RateLimit-Remaining"] = "0";
                ctx.Response.Headers["X-RateLimit-Reset"] = "2026-11-27T12:03:30.000Z";
                return Feed.Write(ctx, "{\"error\":\"Too many requests\"}", StatusCodes.Status429TooManyRequests);
            }

            return Feed.Write(ctx, "[]");
        };
        await using var app = await TestApp.StartAsync(Channel(server, token: "masto-token"), time);

        const string Stored = "{\"statusesSince\":\"5\",\"notificationsSince\":\"9\"}";
        await app.Get<IChannelStateStore>().RecordPollSuccessAsync("masto", Stored, app.Get<TimeProvider>().GetUtcNow(), CancellationToken.None);
        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), Stored, CancellationToken.None);
        var state = await app.Get<IChannelStateStore>().GetAsync("masto", CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("rate-limited", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 12, 3, 30, TimeSpan.Zero), state!.PausedUntil);
        Assert.Contains("\"notificationsSince\":\"9\"", state.Cursor, StringComparison.Ordinal);
        var asked = server.Requests.Single(r => r.PathAndQuery.Contains("/notifications", StringComparison.Ordinal)).PathAndQuery;
        Assert.Contains("types[]=mention&types[]=quote&include_filtered=true", Uri.UnescapeDataString(asked), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_to_another_host_are_not_followed()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            ctx.Response.Headers.Link = "<http://elsewhere.example/api/v1/accounts/1/statuses?min_id=9>; rel=\"prev\"";
            return Feed.Write(ctx, "[{\"id\":\"9\",\"created_at\":\"2026-01-01T00:00:00Z\",\"visibility\":\"public\",\"content\":\"x\",\"account\":{\"id\":\"" + Account + "\"}}]");
        };
        await using var app = await TestApp.StartAsync(Channel(server));

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), "{\"statusesSince\":\"1\"}", CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.Contains("min_id=9", StringComparison.Ordinal));
    }

    /// <summary>
    /// Every Mastodon answer counts down <c>X-RateLimit-Remaining</c> to <c>X-RateLimit-Reset</c>
    /// (https://docs.joinmastodon.org/api/rate-limits/). The answer that spends the last call is still stored; the
    /// channel then asks nothing more, in this poll or the next, until the reset: no request is spent on a 429. A brand
    /// post deleted since it was listed answers its context with 404 <c>{"error": "Record not found"}</c>
    /// (https://docs.joinmastodon.org/entities/Error/, https://docs.joinmastodon.org/methods/statuses/#context): that
    /// is nothing to read, not a failed channel.
    /// </summary>
    [Fact]
    public async Task A_spent_budget_holds_the_next_call_until_the_reset_and_a_deleted_post_has_no_context()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        var spend = false;
        string Status(string id) => $"{{\"id\":\"{id}\",\"created_at\":\"2026-11-27T11:00:00.000Z\",\"in_reply_to_id\":null,\"visibility\":\"public\",\"content\":\"<p>Launch</p>\",\"url\":\"https://example.social/@acme/{id}\",\"account\":{{\"id\":\"{Account}\",\"acct\":\"acme\",\"display_name\":\"Acme\"}}}}";
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            var path = ctx.Request.Path.Value!;
            if (path.EndsWith("/context", StringComparison.Ordinal))
            {
                return Feed.Write(ctx, "{\"error\":\"Record not found\"}", StatusCodes.Status404NotFound);
            }

            ctx.Response.Headers["X-RateLimit-Limit"] = "300";
            ctx.Response.Headers["X-RateLimit-Remaining"] = spend ? "0" : "250";
            ctx.Response.Headers["X-RateLimit-Reset"] = "2026-11-27T12:05:00.000Z";
            return Feed.Write(ctx, path.Contains("/statuses", StringComparison.Ordinal) ? "[" + Status("1001") + "]" : "[]");
        };
        await using var app = await TestApp.StartAsync(Channel(server, token: "masto-token"), time);
        var poller = app.Get<ChannelPoller>();

        var deleted = await poller.PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(deleted.Succeeded, deleted.Error);
        Assert.Contains(server.Requests, r => r.PathAndQuery.Contains("/statuses/1001/context", StringComparison.Ordinal));

        spend = true;
        var before = server.Requests.Count;
        var spent = await poller.PollChannelAsync(Definition(app), "{\"statusesSince\":\"5\",\"notificationsSince\":\"9\"}", CancellationToken.None);
        var state = await app.Get<IChannelStateStore>().GetAsync("masto", CancellationToken.None);

        Assert.False(spent.Succeeded);
        Assert.Equal(before + 1, server.Requests.Count);                                   // the statuses page, then nothing
        Assert.Contains("X-RateLimit-Remaining reached 0", spent.Error, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 12, 5, 0, TimeSpan.Zero), state!.PausedUntil);
        Assert.Contains("\"statusesSince\":\"1001\"", state.Cursor, StringComparison.Ordinal);   // the page that spent it is stored
        Assert.Equal("paused", (await app.GetJsonAsync("/api/channels/masto"))["channel"]!["pollState"]!.GetValue<string>());
    }

    /// <summary>
    /// Mastodon 4.5 notifies <c>quote</c> ("Someone has quoted one of your statuses") with the quoting status attached
    /// (mastodon/documentation content/en/entities/Notification.md, <c>type</c> and <c>status</c>). A quote is asked
    /// for, so it must be stored beside mentions, not thrown away; likes and follows stay out.
    /// </summary>
    [Fact]
    public async Task A_quote_notification_is_stored_as_a_public_message()
    {
        var at = DateTimeOffset.UtcNow.AddHours(-1).ToString("O", CultureInfo.InvariantCulture);
        string Status(string id, string account, string html) =>
            $"{{\"id\":\"{id}\",\"created_at\":\"{at}\",\"in_reply_to_id\":null,\"visibility\":\"public\",\"content\":\"{html}\",\"account\":{{\"id\":\"{account}\",\"acct\":\"u{account}\"}},\"quote\":{{\"state\":\"accepted\",\"quoted_status\":null}}}}";
        var notifications = "[" +
            $"{{\"id\":\"71\",\"type\":\"quote\",\"created_at\":\"{at}\",\"account\":{{\"id\":\"88\"}},\"status\":{Status("2001", "88", "<p>Look how Acme treats its customers</p>")}}}," +
            $"{{\"id\":\"70\",\"type\":\"mention\",\"created_at\":\"{at}\",\"account\":{{\"id\":\"89\"}},\"status\":{Status("2000", "89", "<p>@acme hello</p>")}}}]";
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => Feed.Write(ctx, ctx.Request.Path.Value!.EndsWith("/notifications", StringComparison.Ordinal) ? notifications : "[]");
        await using var app = await TestApp.StartAsync(Channel(server, token: "masto-token"));

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        var stored = await app.Get<IItemStore>().GetAsync("masto", ["2000", "2001"], CancellationToken.None);
        Assert.Equal("Look how Acme treats its customers", stored["2001"].Text);
        Assert.Equal(("88", "89"), (stored["2001"].AuthorId, stored["2000"].AuthorId));
    }
}
