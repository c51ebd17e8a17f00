using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>The Bluesky connector against a loopback XRPC server: recorded responses and scenarios in the lexicon's shapes.</summary>
public sealed class BlueskyConnectorTests
{
    private const string Brand = "did:plc:ec72yg6n2sydzjvtovvdlxrk";

    private static Dictionary<string, string?> Channel(LoopbackServer server, string? appPassword = "app-pass-1234") => new()
    {
        ["Monitor:Channels:0:Id"] = "sky",
        ["Monitor:Channels:0:Kind"] = "bluesky",
        ["Monitor:Channels:0:Settings:serviceUrl"] = server.BaseAddress.ToString(),
        ["Monitor:Channels:0:Settings:actor"] = "sarcastabot.bsky.social",
        ["Monitor:Channels:0:BrandAuthorIds:0"] = Brand,
        ["Monitor:Channels:0:AccessToken"] = appPassword,
    };

    private static JsonObject Post(string rkey, string did, DateTimeOffset at, string text, string? parentRkey = null, string? parentDid = null)
    {
        var record = new JsonObject { ["$type"] = "app.bsky.feed.post", ["text"] = text, ["createdAt"] = at.ToString("O", CultureInfo.InvariantCulture) };
        if (parentRkey is not null)
        {
            var parent = new JsonObject { ["uri"] = $"at://{parentDid}/app.bsky.feed.post/{parentRkey}", ["cid"] = "bafy" };
            record["reply"] = new JsonObject { ["root"] = parent.DeepClone(), ["parent"] = parent };
        }

        return new JsonObject
        {
            ["uri"] = $"at://{did}/app.bsky.feed.post/{rkey}",
            ["cid"] = "bafy" + rkey,
            ["author"] = new JsonObject { ["did"] = did, ["handle"] = did.Replace("did:plc:", "", StringComparison.Ordinal) + ".bsky.social" },
            ["record"] = record,
            ["indexedAt"] = at.AddSeconds(1).ToString("O", CultureInfo.InvariantCulture),
        };
    }

    private static Task Session(HttpContext ctx) => Feed.Write(ctx, "{\"accessJwt\":\"jwt-1\",\"refreshJwt\":\"r\",\"did\":\"" + Brand + "\",\"handle\":\"sarcastabot.bsky.social\"}");

    private static ChannelDefinition Definition(TestApp app) => app.Get<IChannelCatalog>().Find("sky")!;

    [Fact]
    public async Task A_recorded_mention_notification_is_stored_with_a_session_from_the_app_password()
    {
        var recorded = File.ReadAllText(Path.Combine(Fixtures.Folder, "bluesky", "idunno", "listNotificationsResponse.json")).TrimStart('\uFEFF');
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value switch
        {
            "/xrpc/com.atproto.server.createSession" => Session(ctx),
            "/xrpc/app.bsky.feed.getAuthorFeed" => Feed.Write(ctx, "{\"feed\":[]}"),
            "/xrpc/app.bsky.notification.listNotifications" => ctx.Request.Headers.Authorization == "Bearer jwt-1" ? Feed.Write(ctx, recorded) : Feed.Write(ctx, "{}", 401),
            _ => Feed.Write(ctx, "{}", 404),
        };
        await using var app = await TestApp.StartAsync(Channel(server));

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(1, outcome.ItemsStored);
        var session = JsonNode.Parse(server.Requests.First(r => r.PathAndQuery.Contains("createSession", StringComparison.Ordinal)).Body)!;
        Assert.Equal(("sarcastabot.bsky.social", "app-pass-1234"), (session["identifier"]!.GetValue<string>(), session["password"]!.GetValue<string>()));
        var uri = "at://did:plc:hfgp6pj3akhqxntgqwramlbg/app.bsky.feed.post/3l5w6ldfnud2g";
        var item = (await app.Get<IItemStore>().GetAsync("sky", [uri], CancellationToken.None))[uri];
        Assert.Equal(("did:plc:hfgp6pj3akhqxntgqwramlbg", "Barry Dorrans", "@sarcastabot.bsky.social Have a new notification"), (item.AuthorId, item.AuthorName, item.Text));
        Assert.Equal("https://bsky.app/profile/blowdart.me/post/3l5w6ldfnud2g", item.Url);
        var state = await app.Get<IChannelStateStore>().GetAsync("sky", CancellationToken.None);
        Assert.Contains("2024-10-07T11:15:13.731", state!.Cursor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Walking_back_stops_at_the_cursor_and_a_failure_midway_does_not_move_it()
    {
        var since = DateTimeOffset.UtcNow.AddHours(-10);
        var page1 = new JsonObject { ["feed"] = new JsonArray(new JsonObject { ["post"] = Post("b3", Brand, since.AddHours(5), "newest") }, new JsonObject { ["post"] = Post("b2", Brand, since.AddHours(4), "newer") }), ["cursor"] = "page-2" };
        var page2 = new JsonObject
        {
            ["feed"] = new JsonArray(
                new JsonObject { ["post"] = Post("b1", Brand, since.AddHours(1), "new") },
                new JsonObject { ["post"] = Post("r9", "did:plc:other", since.AddHours(1), "a repost"), ["reason"] = new JsonObject { ["$type"] = "app.bsky.feed.defs#reasonRepost" } },
                new JsonObject { ["post"] = Post("b0", Brand, since.AddHours(-1), "already seen") }),
            ["cursor"] = "page-3",
        };
        var failSecondPage = true;
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Query["cursor"] == "page-2"
            ? (failSecondPage ? Feed.Write(ctx, "{}", 502) : Feed.Write(ctx, page2.ToJsonString()))
            : ctx.Request.Query["cursor"] == "page-3" ? Feed.Write(ctx, "{\"feed\":[]}") : Feed.Write(ctx, page1.ToJsonString());
        await using var app = await TestApp.StartAsync(Channel(server, appPassword: null));
        var cursor = "{\"feedSince\":\"" + since.ToString("O", CultureInfo.InvariantCulture) + "\"}";

        var failed = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), cursor, CancellationToken.None);
        Assert.False(failed.Succeeded);
        Assert.Equal(2, failed.ItemsStored);
        Assert.Null((await app.Get<IChannelStateStore>().GetAsync("sky", CancellationToken.None))!.Cursor);

        failSecondPage = false;
        var ok = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), cursor, CancellationToken.None);
        Assert.True(ok.Succeeded, ok.Error);
        Assert.Equal(1, ok.ItemsStored);                                         // b1: b3 and b2 came again unchanged (the failed poll stored them)
        string Uri(string rkey, string did) => $"at://{did}/app.bsky.feed.post/{rkey}";
        var items = await app.Get<IItemStore>().GetAsync("sky", [Uri("b3", Brand), Uri("b2", Brand), Uri("b1", Brand), Uri("r9", "did:plc:other"), Uri("b0", Brand)], CancellationToken.None);
        Assert.Equal([Uri("b1", Brand), Uri("b2", Brand), Uri("b3", Brand)], items.Keys.Order(StringComparer.Ordinal));   // not the repost, not b0
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.Contains("page-3", StringComparison.Ordinal));
        var state = await app.Get<IChannelStateStore>().GetAsync("sky", CancellationToken.None);
        Assert.Equal(since.AddHours(5).AddSeconds(1), DateTimeOffset.Parse(JsonNode.Parse(state!.Cursor!)!["feedSince"]!.GetValue<string>(), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_reply_from_the_public_is_answered_by_the_brand_and_an_expired_session_is_refreshed_not_recreated()
    {
        var t0 = DateTimeOffset.UtcNow.AddHours(-3);
        var sessions = 0;
        var refreshes = 0;
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            switch (ctx.Request.Path.Value)
            {
                case "/xrpc/com.atproto.server.createSession":
                    sessions++;
                    return Session(ctx);
                case "/xrpc/com.atproto.server.refreshSession" when ctx.Request.Headers.Authorization == "Bearer r":
                    // https://docs.bsky.app/docs/api/com-atproto-server-refresh-session: the refresh token as the bearer, a new pair back.
                    refreshes++;
                    return Feed.Write(ctx, "{\"accessJwt\":\"jwt-2\",\"refreshJwt\":\"r2\",\"did\":\"" + Brand + "\",\"handle\":\"sarcastabot.bsky.social\"}");
                case "/xrpc/app.bsky.feed.getAuthorFeed" when ctx.Request.Headers.Authorization == "Bearer jwt-1":
                    return Feed.Write(ctx, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}", 400);
                case "/xrpc/app.bsky.feed.getAuthorFeed":
                    return Feed.Write(ctx, new JsonObject
                    {
                        ["feed"] = new JsonArray(
                            new JsonObject { ["post"] = Post("answer", Brand, t0.AddHours(2), "We are on it!", "q", "did:plc:fan") },
                            new JsonObject { ["post"] = Post("launch", Brand, t0, "Launch day") }),
                    }.ToJsonString());
                default:
                    var reply = Post("q", "did:plc:fan", t0.AddMinutes(30), "My order never arrived, no answer from support", "launch", Brand);
                    reply["reason"] = "reply";
                    return Feed.Write(ctx, new JsonObject { ["notifications"] = new JsonArray(reply) }.ToJsonString());
            }
        };
        await using var app = await TestApp.StartAsync(Channel(server));

        await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);
        var analysis = await app.Get<ChannelAnalysisService>().AnalyzeAsync("sky", CancellationToken.None);

        Assert.Equal((1, 1), (sessions, refreshes));
        Assert.Equal(0, analysis.Snapshot.OpenCount);
        Assert.Equal(90 * 60, analysis.Snapshot.MedianFirstResponseSeconds);
    }

    [Fact]
    public async Task The_recorded_thread_of_a_recent_brand_post_is_read_to_its_deepest_reply()
    {
        // The snapshot's records are dated 1970, past any retention (docs/PRIVACY.md): the thread is made recent.
        var recent = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var snapshot = System.Text.Json.Nodes.JsonNode.Parse(Fixtures.Load("bluesky/atproto_snapshots/thread__appview_thread_views_fetches_deep_post_thread_1.json").ToJsonString()
            .Replace("1970-01-01T00:00:00.000000Z", recent, StringComparison.Ordinal)
            .Replace("1970-01-01T00:00:00.000Z", recent, StringComparison.Ordinal))!.AsObject();
        var root = snapshot["post"]!.DeepClone().AsObject();
        root["record"]!["createdAt"] = DateTimeOffset.UtcNow.AddHours(-2).ToString("O", CultureInfo.InvariantCulture);
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value switch
        {
            "/xrpc/app.bsky.feed.getAuthorFeed" => Feed.Write(ctx, new JsonObject { ["feed"] = new JsonArray(new JsonObject { ["post"] = root }) }.ToJsonString()),
            "/xrpc/app.bsky.feed.getPostThread" => Feed.Write(ctx, new JsonObject { ["thread"] = snapshot.DeepClone() }.ToJsonString()),
            _ => Feed.Write(ctx, "{}", 404),
        };
        var settings = Channel(server, appPassword: null);
        settings["Monitor:Channels:0:BrandAuthorIds:0"] = "user(0)";
        await using var app = await TestApp.StartAsync(settings);

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Contains(server.Requests, r => r.PathAndQuery.StartsWith("/xrpc/app.bsky.feed.getPostThread?uri=record%280%29", StringComparison.Ordinal));
        var deepest = (await app.Get<IItemStore>().GetAsync("sky", ["record(9)"], CancellationToken.None)).Values.Single();
        Assert.Equal(("record(8)", "user(0)", "thanks bob"), (deepest.ParentId, deepest.AuthorId, deepest.Text));
        Assert.Equal(2, (await app.Get<IItemStore>().GetAsync("sky", ["record(5)", "record(8)"], CancellationToken.None)).Count);
    }

    /// <summary>
    /// createSession is limited to 30 per 5 minutes and 300 a day; a 429 carries RateLimit-Reset in Unix seconds
    /// (https://docs.bsky.app/docs/advanced-guides/rate-limits). That is a pause until then, not a refused app password;
    /// and a refresh that fails (ExpiredToken) falls back to one new session.
    /// </summary>
    [Fact]
    public async Task A_rate_limited_session_is_a_pause_until_the_reset_and_a_failed_refresh_creates_one_session()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        var reset = time.GetUtcNow().AddMinutes(4).ToUnixTimeSeconds();
        var limited = true;
        var sessions = 0;
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            switch (ctx.Request.Path.Value)
            {
                case "/xrpc/com.atproto.server.createSession" when limited:
                    ctx.Response.Headers["RateLimit-Limit"] = "30";
                    ctx.Response.Headers["RateLimit-Remaining"] = "0";
                    ctx.Response.Headers["RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
                    ctx.Response.Headers["RateLimit-Policy"] = "30;w=300";
                    return Feed.Write(ctx, "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}", 429);
                case "/xrpc/com.atproto.server.createSession":
                    sessions++;
                    return Session(ctx);
                case "/xrpc/com.atproto.server.refreshSession":
                    return Feed.Write(ctx, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}", 400);
                default:
                    return ctx.Request.Headers.Authorization == "Bearer jwt-1" && sessions == 1
                        ? Feed.Write(ctx, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}", 400)
                        : Feed.Write(ctx, "{\"feed\":[],\"notifications\":[]}");
            }
        };
        await using var app = await TestApp.StartAsync(Channel(server), time);

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);
        var state = await app.Get<IChannelStateStore>().GetAsync("sky", CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("rate-limited reading a new session", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("refused the app password", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(reset), state!.PausedUntil);

        limited = false;
        time.Advance(TimeSpan.FromMinutes(5));
        var healed = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(healed.Succeeded, healed.Error);
        Assert.Equal(2, sessions);   // the first, then one more after the refresh failed
    }

    /// <summary>
    /// getAuthorFeed lists the brand's posts newest first over many pages (lexicons/app/bsky/feed/getAuthorFeed.json):
    /// a brand post on page 2 has its thread read as one on page 1 does, and every brand post inside the thread
    /// look-back stays in the cursor, so a later poll reads its thread again although the feed has nothing new.
    /// </summary>
    [Fact]
    public async Task Threads_of_brand_posts_on_any_page_are_read_and_kept_in_the_cursor()
    {
        var now = DateTimeOffset.UtcNow;
        var since = now.AddHours(-10);
        var page1 = new JsonObject { ["feed"] = new JsonArray(new JsonObject { ["post"] = Post("b2", Brand, now.AddHours(-1), "newest") }), ["cursor"] = "page-2" };
        var page2 = new JsonObject { ["feed"] = new JsonArray(new JsonObject { ["post"] = Post("b1", Brand, now.AddHours(-2), "older") }, new JsonObject { ["post"] = Post("b0", Brand, now.AddDays(-4), "seen") }) };
        var quiet = false;
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value switch
        {
            "/xrpc/app.bsky.feed.getAuthorFeed" => Feed.Write(ctx, quiet ? "{\"feed\":[]}" : ctx.Request.Query["cursor"] == "page-2" ? page2.ToJsonString() : page1.ToJsonString()),
            "/xrpc/app.bsky.feed.getPostThread" => Feed.Write(ctx, "{\"thread\":{\"$type\":\"app.bsky.feed.defs#threadViewPost\",\"post\":" + Post(ctx.Request.Query["uri"].ToString().Split('/')[^1], Brand, now.AddHours(-2), "root").ToJsonString() + ",\"replies\":[]}}"),
            _ => Feed.Write(ctx, "{}", 404),
        };
        await using var app = await TestApp.StartAsync(Channel(server, appPassword: null));
        var cursor = "{\"feedSince\":\"" + since.ToString("O", CultureInfo.InvariantCulture) + "\"}";

        var first = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), cursor, CancellationToken.None);
        Assert.True(first.Succeeded, first.Error);
        Assert.Contains(server.Requests, r => r.PathAndQuery.Contains("getPostThread?uri=" + Uri.EscapeDataString($"at://{Brand}/app.bsky.feed.post/b1"), StringComparison.Ordinal));

        quiet = true;
        server.Requests.Clear();
        var stored = (await app.Get<IChannelStateStore>().GetAsync("sky", CancellationToken.None))!.Cursor;
        var second = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), stored, CancellationToken.None);

        Assert.True(second.Succeeded, second.Error);
        Assert.Equal(2, server.Requests.Count(r => r.PathAndQuery.StartsWith("/xrpc/app.bsky.feed.getPostThread", StringComparison.Ordinal)));
    }

    /// <summary>
    /// listNotifications takes <c>reasons</c>, the reasons to include (lexicons/app/bsky/notification/listNotifications.json),
    /// so likes and follows do not fill the pages; and a walk cut at Connectors:MaxPagesPerPoll before the mark keeps
    /// the mark, so the replies in the gap are read by the next poll instead of being lost.
    /// </summary>
    [Fact]
    public async Task Notifications_ask_for_answerable_reasons_and_a_cut_walk_keeps_the_mark()
    {
        var since = DateTimeOffset.UtcNow.AddHours(-10);
        var reply = Post("q1", "did:plc:fan", since.AddHours(5), "Where is my refund?", "b1", Brand);
        reply["reason"] = "reply";
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value switch
        {
            "/xrpc/com.atproto.server.createSession" => Session(ctx),
            "/xrpc/app.bsky.feed.getAuthorFeed" => Feed.Write(ctx, "{\"feed\":[]}"),
            "/xrpc/app.bsky.notification.listNotifications" => Feed.Write(ctx, new JsonObject { ["notifications"] = new JsonArray(reply.DeepClone()), ["cursor"] = "older" }.ToJsonString()),
            _ => Feed.Write(ctx, "{}", 404),
        };
        var settings = Channel(server);
        settings["Connectors:MaxPagesPerPoll"] = "1";
        await using var app = await TestApp.StartAsync(settings);
        var cursor = "{\"feedSince\":\"" + since.ToString("O", CultureInfo.InvariantCulture) + "\",\"notificationsSince\":\"" + since.ToString("O", CultureInfo.InvariantCulture) + "\"}";

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), cursor, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(1, outcome.ItemsStored);
        var asked = server.Requests.First(r => r.PathAndQuery.Contains("listNotifications", StringComparison.Ordinal)).PathAndQuery;
        Assert.Contains("reasons=reply&reasons=mention&reasons=quote", asked, StringComparison.Ordinal);
        var state = JsonNode.Parse((await app.Get<IChannelStateStore>().GetAsync("sky", CancellationToken.None))!.Cursor!)!;
        Assert.Equal(since, DateTimeOffset.Parse(state["notificationsSince"]!.GetValue<string>(), CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The account's notification preferences (app.bsky.notification.getPreferences; app.bsky.notification.defs
    /// #filterablePreference: <c>include</c> "all" or "follows", <c>list</c>) can keep replies and mentions by accounts
    /// the brand does not follow out of listNotifications: a critic never reaches the monitor. The poll reads them and
    /// warns, naming what is hidden.
    /// </summary>
    [Fact]
    public async Task Notification_preferences_that_hide_strangers_are_read_and_warned_about()
    {
        var logs = new CapturingLoggerProvider();
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value switch
        {
            "/xrpc/com.atproto.server.createSession" => Session(ctx),
            "/xrpc/app.bsky.notification.getPreferences" => Feed.Write(ctx, "{\"preferences\":{\"reply\":{\"include\":\"follows\",\"list\":true,\"push\":true},\"mention\":{\"include\":\"all\",\"list\":true,\"push\":true},\"quote\":{\"include\":\"all\",\"list\":false,\"push\":false},\"like\":{\"include\":\"follows\",\"list\":true,\"push\":false}}}"),
            _ => Feed.Write(ctx, "{\"feed\":[],\"notifications\":[]}"),
        };
        await using var app = await TestApp.StartAsync(Channel(server), logging: logs);

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        var warning = Assert.Single(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("notification preferences", StringComparison.Ordinal));
        Assert.Contains("reply, quote only from accounts it follows", warning, StringComparison.Ordinal);
        Assert.Equal("Bearer jwt-1", server.Requests.Single(r => r.PathAndQuery.Contains("getPreferences", StringComparison.Ordinal)).Authorization);
    }
}
