using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.App.Api.Webhooks;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// The Threads connector against a loopback Threads API. No recorded Threads answer with a permissive licence was
/// found, so the answers are written by hand in the documented shapes:
/// posts, https://developers.facebook.com/documentation/threads/reference (GET /{threads-user-id}/threads);
/// replies, https://developers.facebook.com/documentation/threads/retrieve-and-manage-replies/replies-and-conversations
/// (GET /{media-id}/conversation, fields incl. hide_status, is_reply_owned_by_me, replied_to, root_post; cursors
/// before/after; timestamps like 2024-08-07T10:33:16+0000);
/// tokens, https://developers.facebook.com/docs/threads/get-started/long-lived-tokens/ and
/// https://developers.facebook.com/documentation/threads/reference/debug;
/// webhooks, https://developers.facebook.com/documentation/threads/webhooks;
/// errors, the Graph envelope of https://developers.facebook.com/docs/graph-api/guides/error-handling.
/// </summary>
public sealed class ThreadsConnectorTests
{
    private const string UserId = "17841401234567890";
    private const string AppSecret = "threads-app-secret";
    private const string Post = "18028391234567890";

    private static Dictionary<string, string?> Threads(LoopbackServer server, string id = "th", int index = 0) => new()
    {
        [$"Monitor:Channels:{index}:Id"] = id,
        [$"Monitor:Channels:{index}:Name"] = "Acme on Threads",
        [$"Monitor:Channels:{index}:Kind"] = "threads",
        [$"Monitor:Channels:{index}:Settings:graphUrl"] = server.BaseAddress.ToString(),
        [$"Monitor:Channels:{index}:Settings:userId"] = UserId,
        [$"Monitor:Channels:{index}:Settings:username"] = "acme.outdoor",
        [$"Monitor:Channels:{index}:BrandAuthorIds:0"] = UserId,
        [$"Monitor:Channels:{index}:AccessToken"] = "long-lived-token",
        [$"Monitor:Channels:{index}:WebhookSecret"] = AppSecret,
    };

    private static string T(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture);

    private static string DebugToken(DateTimeOffset expires) =>
        "{\"data\":{\"type\":\"USER\",\"application\":\"Acme monitor\",\"data_access_expires_at\":" + expires.AddDays(30).ToUnixTimeSeconds() + ",\"expires_at\":" + expires.ToUnixTimeSeconds()
        + ",\"is_valid\":true,\"issued_at\":" + expires.AddDays(-60).ToUnixTimeSeconds() + ",\"scopes\":[\"threads_basic\",\"threads_read_replies\"],\"user_id\":\"" + UserId + "\"}}";

    private static JsonObject Reply(string id, string? repliedTo, string username, DateTimeOffset at, string text, string hide = "NOT_HUSHED", bool mine = false) => new()
    {
        ["id"] = id,
        ["text"] = text,
        ["username"] = username,
        ["timestamp"] = T(at),
        ["permalink"] = $"https://www.threads.net/@{username}/post/{id}",
        ["is_reply"] = true,
        ["replied_to"] = new JsonObject { ["id"] = repliedTo ?? Post },
        ["root_post"] = new JsonObject { ["id"] = Post },
        ["hide_status"] = hide,
        ["is_reply_owned_by_me"] = mine,
    };

    private static string Page(IEnumerable<JsonObject> items, string? after) => new JsonObject
    {
        ["data"] = new JsonArray([.. items.Select(i => i.DeepClone())]),
        ["paging"] = new JsonObject { ["cursors"] = after is null ? new JsonObject { ["before"] = "QVFIUkJ" } : new JsonObject { ["before"] = "QVFIUkJ", ["after"] = after } },
    }.ToJsonString();

    private static async Task<ContentItem> Stored(TestApp app, string id) => (await app.Get<IItemStore>().GetAsync("th", [id], CancellationToken.None))[id];

    /// <summary>
    /// First poll: the brand's posts, then the whole conversation walked by its <c>after</c> cursor; the brand's reply
    /// (is_reply_owned_by_me) is the brand's, a HIDDEN reply is hidden. Steady poll: nothing unchanged is stored again;
    /// a new reply is, a reply hidden since is, and a reply missing from a complete walk is deleted.
    /// </summary>
    [Fact]
    public async Task First_and_steady_polls_read_every_reply_with_the_brands_answers_hides_and_deletions()
    {
        var at = DateTimeOffset.UtcNow.AddHours(-5);
        var firstPage = new List<JsonObject>
        {
            Reply("1801", null, "a_customer", at.AddMinutes(10), "Order 1234 never arrived"),
            Reply("1802", "1801", "acme.outdoor", at.AddMinutes(30), "Sorry! DM us the order number.", mine: true),
        };
        var secondPage = new List<JsonObject> { Reply("1803", null, "bot123", at.AddMinutes(40), "spam spam", hide: "HIDDEN") };
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            var path = ctx.Request.Path.Value!;
            if (path.EndsWith("/debug_token", StringComparison.Ordinal))
            {
                return Feed.Write(ctx, DebugToken(DateTimeOffset.UtcNow.AddDays(50)));
            }

            if (path.EndsWith($"/{UserId}/threads", StringComparison.Ordinal))
            {
                return Feed.Write(ctx, "{\"data\":[{\"id\":\"" + Post + "\",\"text\":\"New store opens today\",\"username\":\"acme.outdoor\",\"timestamp\":\"" + T(at) + "\",\"permalink\":\"https://www.threads.net/@acme.outdoor/post/Xy\",\"media_type\":\"TEXT_POST\"}],\"paging\":{\"cursors\":{\"before\":\"QVFIUkJ\"}}}");
            }

            return path.EndsWith($"/{Post}/conversation", StringComparison.Ordinal)
                ? Feed.Write(ctx, ctx.Request.Query["after"] == "QVFIUmx" ? Page(secondPage, null) : Page(firstPage, "QVFIUmx"))
                : Feed.Write(ctx, "{\"error\":{\"message\":\"Unsupported get request.\",\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33}}", 400);
        };
        await using var app = await TestApp.StartAsync(Threads(server));
        var poller = app.Get<ChannelPoller>();

        var first = await poller.PollAllAsync(CancellationToken.None);

        Assert.True(first.Channels.Single().Succeeded, first.Channels.Single().Error);
        Assert.Equal(4, first.ItemsStored);
        Assert.All(server.Requests.Where(r => !r.PathAndQuery.Contains("debug_token", StringComparison.Ordinal)), r => Assert.Equal("Bearer long-lived-token", r.Authorization));
        Assert.Contains(server.Requests, r => r.PathAndQuery.StartsWith($"/v1.0/{Post}/conversation?", StringComparison.Ordinal) && r.PathAndQuery.Contains("reverse=false", StringComparison.Ordinal) && r.PathAndQuery.Contains("after=QVFIUmx", StringComparison.Ordinal));
        var answer = await Stored(app, "1802");
        Assert.Equal((UserId, "1801", ItemKind.Comment), (answer.AuthorId, answer.ParentId, answer.Kind));
        Assert.Equal(("a_customer", Post), ((await Stored(app, "1801")).AuthorId, (await Stored(app, "1801")).ParentId));
        Assert.Equal(ItemState.Hidden, (await Stored(app, "1803")).State);
        Assert.Equal((UserId, ItemKind.Post), ((await Stored(app, Post)).AuthorId, (await Stored(app, Post)).Kind));

        var quiet = await poller.PollAllAsync(CancellationToken.None);
        Assert.True(quiet.Channels.Single().Succeeded, quiet.Channels.Single().Error);
        Assert.Equal(0, quiet.ItemsStored);

        // The customer's first reply is hidden by the brand (it hides the nested answer with it: Reply Management,
        // "This will automatically hide/unhide all the nested replies"), the spam reply is gone, a new one arrives.
        firstPage[0]["hide_status"] = "HIDDEN";
        firstPage[1]["hide_status"] = "HIDDEN";
        secondPage.Clear();
        secondPage.Add(Reply("1804", null, "b_customer", at.AddMinutes(90), "Is the store open on Sunday?"));
        var changed = await poller.PollAllAsync(CancellationToken.None);

        Assert.True(changed.Channels.Single().Succeeded, changed.Channels.Single().Error);
        Assert.Equal(ItemState.Hidden, (await Stored(app, "1801")).State);
        Assert.Equal(ItemState.Deleted, (await Stored(app, "1803")).State);
        Assert.Equal("Is the store open on Sunday?", (await Stored(app, "1804")).Text);
    }

    /// <summary>A walk cut short by the page limit says nothing of what it did not reach: no reply is deleted.</summary>
    [Fact]
    public async Task A_conversation_cut_at_the_page_limit_deletes_nothing()
    {
        var at = DateTimeOffset.UtcNow.AddHours(-5);
        var pages = 3;
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            var path = ctx.Request.Path.Value!;
            if (path.EndsWith("/debug_token", StringComparison.Ordinal))
            {
                return Feed.Write(ctx, DebugToken(DateTimeOffset.UtcNow.AddDays(50)));
            }

            if (path.EndsWith("/threads", StringComparison.Ordinal))
            {
                return Feed.Write(ctx, "{\"data\":[{\"id\":\"" + Post + "\",\"text\":\"Hi\",\"username\":\"acme.outdoor\",\"timestamp\":\"" + T(at) + "\"}]}");
            }

            var n = int.Parse(ctx.Request.Query["after"].FirstOrDefault() ?? "0", CultureInfo.InvariantCulture);
            return Feed.Write(ctx, Page([Reply("r" + n, null, "someone", at.AddMinutes(n + 1), "reply " + n)], n + 1 < pages ? (n + 1).ToString(CultureInfo.InvariantCulture) : null));
        };
        var settings = Threads(server);
        settings["Connectors:MaxPagesPerPoll"] = "3";
        await using var app = await TestApp.StartAsync(settings);
        var poller = app.Get<ChannelPoller>();
        Assert.Equal(4, (await poller.PollAllAsync(CancellationToken.None)).ItemsStored);

        pages = 10;   // now more pages than a poll reads: r0..r2 are read again, the walk is not complete
        var cut = await poller.PollAllAsync(CancellationToken.None);

        Assert.True(cut.Channels.Single().Succeeded, cut.Channels.Single().Error);
        foreach (var id in new[] { "r0", "r1", "r2" })
        {
            Assert.Equal(ItemState.Visible, (await Stored(app, id)).State);
        }
    }

    /// <summary>
    /// Reply and publish webhooks (https://developers.facebook.com/documentation/threads/webhooks): a signed reply is
    /// stored, and its later poll is the same item; the brand's own published reply is the brand's; a deleted post is a
    /// deletion; a mention is acknowledged and skipped; a delivery signed with another secret stores nothing.
    /// </summary>
    [Fact]
    public async Task Signed_reply_publish_and_delete_webhooks_are_stored_and_a_bad_signature_is_refused()
    {
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        var polled = Reply("8901234", null, "a_customer", at.AddMinutes(5), "Still no refund?");
        polled["permalink"] = "https://www.threads.net/@a_customer/post/Pp";
        var answer = Reply("8901299", "8901234", "acme.outdoor", at.AddMinutes(20), "We refunded it today.", mine: true);
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value!.EndsWith("/debug_token", StringComparison.Ordinal)
            ? Feed.Write(ctx, DebugToken(DateTimeOffset.UtcNow.AddDays(50)))
            : ctx.Request.Path.Value.EndsWith("/threads", StringComparison.Ordinal)
                ? Feed.Write(ctx, "{\"data\":[{\"id\":\"" + Post + "\",\"text\":\"Hi\",\"username\":\"acme.outdoor\",\"timestamp\":\"" + T(at) + "\"}]}")
                : Feed.Write(ctx, Page([polled, answer], null));
        await using var app = await TestApp.StartAsync(Threads(server));

        async Task<HttpResponseMessage> Push(string json, string secret = AppSecret)
        {
            var body = Encoding.UTF8.GetBytes(json);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/th") { Content = new ByteArrayContent(body) };
            request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(secret, body));
            return await app.Anonymous.SendAsync(request);
        }

        string Envelope(string topic, string field, string value) =>
            "{\"app_id\":\"123456\",\"topic\":\"" + topic + "\",\"target_id\":\"" + UserId + "\",\"time\":" + DateTimeOffset.UtcNow.ToUnixTimeSeconds()
            + ",\"subscription_id\":\"234567\",\"has_uid_field\":false,\"values\":{\"field\":\"" + field + "\",\"value\":" + value + "}}";

        var reply = "{\"id\":\"8901234\",\"username\":\"a_customer\",\"text\":\"Still no refund?\",\"media_type\":\"TEXT_POST\",\"permalink\":\"https://www.threads.net/@a_customer/post/Pp\","
            + "\"replied_to\":{\"id\":\"" + Post + "\"},\"root_post\":{\"id\":\"" + Post + "\",\"owner_id\":\"" + UserId + "\",\"username\":\"acme.outdoor\"},\"shortcode\":\"Pp\",\"timestamp\":\"" + T(at.AddMinutes(5)) + "\"}";
        using (var refused = await Push(Envelope("moderate", "replies", reply), "another-secret"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.Empty(await app.Get<IItemStore>().GetAsync("th", ["8901234"], CancellationToken.None));

        using (var stored = await Push(Envelope("moderate", "replies", reply)))
        {
            Assert.Equal(HttpStatusCode.OK, stored.StatusCode);   // Meta webhooks expect 200
        }

        var pushed = await Stored(app, "8901234");
        Assert.Equal(("a_customer", Post, "Still no refund?"), (pushed.AuthorId, pushed.ParentId, pushed.Text));

        var own = "{\"id\":\"8901299\",\"username\":\"acme.outdoor\",\"text\":\"We refunded it today.\",\"permalink\":\"https://www.threads.net/@acme.outdoor/post/8901299\",\"replied_to\":{\"id\":\"8901234\"},\"root_post\":{\"id\":\"" + Post + "\"},\"timestamp\":\"" + T(at.AddMinutes(20)) + "\"}";
        using (var published = await Push(Envelope("interaction", "publish", own)))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }

        Assert.Equal((UserId, "8901234"), ((await Stored(app, "8901299")).AuthorId, (await Stored(app, "8901299")).ParentId));

        using (var mention = await Push(Envelope("interaction", "mentions", "{\"id\":\"777\",\"username\":\"someone\",\"text\":\"@acme.outdoor hi\",\"timestamp\":\"" + T(at) + "\"}")))
        {
            var json = JsonNode.Parse(await mention.Content.ReadAsStringAsync())!;
            Assert.Equal((HttpStatusCode.OK, 0, 1), (mention.StatusCode, json["stored"]!.GetValue<int>(), json["skipped"]!.GetValue<int>()));
        }

        // A poll of the pushed reply is the same item, not a second one.
        var poll = await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);
        Assert.True(poll.Channels.Single().Succeeded, poll.Channels.Single().Error);
        Assert.Equal(1, poll.ItemsStored);   // the post; both replies are already stored

        using (var deleted = await Push(Envelope("moderate", "delete", "{\"id\":\"8901299\",\"deleted_at\":\"" + T(DateTimeOffset.UtcNow) + "\"}")))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        Assert.Equal(ItemState.Deleted, (await Stored(app, "8901299")).State);

        using var malformed = await Push("{\"object\":\"page\",\"entry\":[]}");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    /// <summary>
    /// A long-lived token lasts 60 days and is refreshed with <c>GET /refresh_access_token?grant_type=th_refresh_token</c>,
    /// which answers a new token and its <c>expires_in</c> (long-lived tokens doc). Near its end (debug_token's
    /// expires_at), the monitor refreshes, reads with the new token, and hands it to the secret writer: with a vault the
    /// dashboard shows a credential the monitor renews; without one, a credential a person must update before its end.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_token_near_its_end_is_refreshed_used_and_written_where_secrets_live(bool vault)
    {
        var now = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(now);
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value switch
        {
            "/v1.0/debug_token" => Feed.Write(ctx, DebugToken(now.AddDays(3))),
            "/refresh_access_token" => Feed.Write(ctx, "{\"access_token\":\"THQVrefreshed\",\"token_type\":\"bearer\",\"expires_in\":5183944}"),
            _ => Feed.Write(ctx, "{\"data\":[]}"),
        };
        var writer = new VaultStandIn(vault);
        var logs = new CapturingLoggerProvider();
        await using var app = await TestApp.StartAsync(Threads(server), time, logging: logs, configure: s => s.AddSingleton<ISecretWriter>(writer));
        var poller = app.Get<ChannelPoller>();

        var first = await poller.PollAllAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromHours(1));
        await poller.PollAllAsync(CancellationToken.None);

        Assert.True(first.Channels.Single().Succeeded, first.Channels.Single().Error);
        var refresh = Assert.Single(server.Requests, r => r.PathAndQuery.StartsWith("/refresh_access_token", StringComparison.Ordinal));
        Assert.Equal("/refresh_access_token?grant_type=th_refresh_token&access_token=long-lived-token", refresh.PathAndQuery);
        Assert.All(server.Requests.Where(r => r.PathAndQuery.Contains("/threads?", StringComparison.Ordinal)), r => Assert.Equal("Bearer THQVrefreshed", r.Authorization));
        Assert.Equal(vault ? [("th", "AccessToken", "THQVrefreshed", (DateTimeOffset?)now.AddSeconds(5183944))] : [], writer.Written);
        var credential = (await app.GetJsonAsync("/api/channels/th"))["channel"]!["credential"]!;
        Assert.Equal(vault, credential["renewedByMonitor"]!.GetValue<bool>());
        Assert.Equal("ok", credential["state"]!.GetValue<string>());
        Assert.Equal(now.AddSeconds(5183944), credential["expiresAt"]!.GetValue<DateTimeOffset>());
        Assert.Contains(vault ? "stored in the vault" : "held in this process only", credential["source"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("THQVrefreshed", StringComparison.Ordinal) || l.Contains("long-lived-token", StringComparison.Ordinal));
    }

    /// <summary>
    /// Threads answers in Graph's error envelope (Graph error-handling guide; Threads documents no codes of its own):
    /// 190/463 an expired token a person must replace (Threads cannot refresh an expired one), 10 a missing
    /// permission, 4 and 17 throttling (the rate limit and the spent call budget), a 5xx transient.
    /// </summary>
    [Theory]
    [InlineData(400, "{\"error\":{\"message\":\"Error validating access token: Session has expired on Wednesday, 10-Dec-25 20:00:00 PST.\",\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463,\"fbtrace_id\":\"A1b2\"}}", "renew the channel's token", 300)]
    [InlineData(403, "{\"error\":{\"message\":\"(#10) Application does not have permission for this action\",\"type\":\"OAuthException\",\"code\":10,\"fbtrace_id\":\"A1b2\"}}", "grant it to the channel's token", 300)]
    [InlineData(400, "{\"error\":{\"message\":\"(#4) Application request limit reached\",\"type\":\"OAuthException\",\"code\":4,\"is_transient\":true,\"fbtrace_id\":\"A1b2\"}}", "rate-limited", 14)]
    [InlineData(400, "{\"error\":{\"message\":\"(#17) User request limit reached\",\"type\":\"OAuthException\",\"code\":17,\"fbtrace_id\":\"A1b2\"}}", "rate-limited", 14)]
    [InlineData(503, "{\"error\":{\"message\":\"An unexpected error has occurred. Please retry your request later.\",\"type\":\"OAuthException\",\"code\":2,\"is_transient\":true}}", "failed (code 2)", 0)]
    public async Task Errors_are_classified_as_graph_documents_them(int status, string body, string expected, int pausedMinutes)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value!.EndsWith("/debug_token", StringComparison.Ordinal)
            ? Feed.Write(ctx, DebugToken(DateTimeOffset.UtcNow.AddDays(50)))
            : Feed.Write(ctx, body, status);
        var settings = Threads(server);
        settings["Connectors:MaxRetryAttempts"] = "0";
        await using var app = await TestApp.StartAsync(settings);

        var outcome = (await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None)).Channels.Single();

        Assert.False(outcome.Succeeded);
        Assert.Contains(expected, outcome.Error, StringComparison.Ordinal);
        var paused = (await app.Get<IChannelStateStore>().GetAsync("th", CancellationToken.None))!.PausedUntil;
        if (pausedMinutes == 0)
        {
            Assert.True(paused is null || paused <= DateTimeOffset.UtcNow);
        }
        else
        {
            Assert.True(paused > DateTimeOffset.UtcNow.AddMinutes(pausedMinutes), $"paused until {paused}");
        }
    }

    /// <summary>Usage headers (x-app-usage, as Graph sends them) at 95 % hold the channel before Meta blocks it.</summary>
    [Fact]
    public async Task Usage_near_the_limit_pauses_the_channel()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            if (ctx.Request.Path.Value!.EndsWith("/debug_token", StringComparison.Ordinal))
            {
                return Feed.Write(ctx, DebugToken(DateTimeOffset.UtcNow.AddDays(50)));
            }

            ctx.Response.Headers["x-app-usage"] = "{\"call_count\":96,\"total_cputime\":20,\"total_time\":30}";
            return Feed.Write(ctx, "{\"data\":[]}");
        };
        await using var app = await TestApp.StartAsync(Threads(server));
        var poller = app.Get<ChannelPoller>();

        await poller.PollAllAsync(CancellationToken.None);
        var requests = server.Requests.Count;
        var second = (await poller.PollAllAsync(CancellationToken.None)).Channels.Single();

        Assert.Equal(requests, server.Requests.Count);
        Assert.Contains("x-app-usage reached 96%", second.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("userId", null, "a threads channel needs Settings:userId.")]
    [InlineData("refreshWithin", "60.00:00:00", "Settings:refreshWithin must be shorter than the 60 days")]
    [InlineData("graphVersion", "latest", "Settings:graphVersion 'latest' is not a Graph API version such as 'v1.0'")]
    public async Task Bad_settings_stop_the_start_naming_the_setting(string setting, string? value, string expected)
    {
        await using var server = await LoopbackServer.StartAsync();
        var settings = Threads(server);
        settings[$"Monitor:Channels:0:Settings:{setting}"] = value;

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => TestApp.StartAsync(settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
