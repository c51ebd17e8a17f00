using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// The TikTok business-account connector against a loopback server speaking TikTok API for Business v1.3. Payloads
/// follow the documented shapes: the envelope and return codes (https://business-api.tiktok.com/portal/docs?id=1737172488964097),
/// <c>business/video/list/</c> and <c>business/comment/list/</c> with <c>status=ALL</c> for hidden comments (fields as
/// in sns-sdks/python-tiktok, MIT, pytiktok/models/business_account.py, after
/// https://ads.tiktok.com/marketing_api/docs?id=1733329505077250), and the token refresh
/// (https://business-api.tiktok.com/portal/docs?id=1738084387220481; the answer's shape and lifetimes are those of
/// python-tiktok's recorded testsdata/business/access_token/refresh_resp.json).
/// </summary>
public sealed class TikTokConnectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Channel(LoopbackServer server, string token = "tt-access") => new()
    {
        ["Monitor:Channels:0:Id"] = "tt",
        ["Monitor:Channels:0:Kind"] = "tiktok",
        ["Monitor:Channels:0:Settings:apiUrl"] = server.BaseAddress.ToString(),
        ["Monitor:Channels:0:Settings:businessId"] = "open_1",
        ["Monitor:Channels:0:BrandAuthorIds:0"] = "acme-tt",
        ["Monitor:Channels:0:AccessToken"] = token,
    };

    private static ChannelDefinition Definition(TestApp app) => app.Get<IChannelCatalog>().Find("tt")!;

    private static async Task<string?> Cursor(TestApp app) => (await app.Get<IChannelStateStore>().GetAsync("tt", CancellationToken.None))!.Cursor;

    private static string Ok(JsonObject data) => new JsonObject { ["code"] = 0, ["message"] = "OK", ["request_id"] = "20261203120000ABCDEF", ["data"] = data }.ToJsonString();

    private static string Error(int code, string message) => new JsonObject { ["code"] = code, ["message"] = message, ["request_id"] = "20261203120000ABCDEF", ["data"] = new JsonObject() }.ToJsonString();

    private static JsonObject Video(string id, DateTimeOffset at) => new() { ["item_id"] = id, ["create_time"] = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ["caption"] = "Winter sale " + id, ["share_url"] = $"https://www.tiktok.com/@acme/video/{id}", ["comments"] = 2 };

    private static JsonObject Comment(string id, string video, DateTimeOffset at, string status = "PUBLIC", bool owner = false, string? parent = null, int replies = 0, params JsonObject[] embedded) => new()
    {
        ["comment_id"] = id, ["video_id"] = video, ["user_id"] = owner ? "open_1" : "u_" + id, ["unique_identifier"] = owner ? "uid_brand" : "uid_" + id,
        ["create_time"] = at.ToUnixTimeSeconds(), ["text"] = owner ? "Sent you a DM!" : "Where is my parcel? " + id, ["likes"] = 0, ["replies"] = replies,
        ["owner"] = owner, ["liked"] = false, ["pinned"] = false, ["status"] = status, ["username"] = owner ? "acme" : "user_" + id,
        ["parent_comment_id"] = parent ?? video, ["reply_list"] = new JsonArray([.. embedded.Select(e => (JsonNode)e.DeepClone())]),
    };

    private static string Page(string key, IEnumerable<JsonObject> items, long cursor, bool more) =>
        Ok(new JsonObject { [key] = new JsonArray([.. items.Select(i => (JsonNode)i.DeepClone())]), ["cursor"] = cursor, ["has_more"] = more });

    /// <summary>
    /// First poll: the videos inside the look-back (three pages: the walk stops at a page with none inside it, so a
    /// video listed after an older one is read; the list's order is not documented), every comment of
    /// each (two pages of comment/list, and comment/reply/list for a comment with more replies than it embeds), the
    /// account's own replies (<c>owner: true</c>) stored as the brand's, hidden comments (<c>status: HIDDEN</c>) stored
    /// hidden. Steady poll: the same videos read again; a comment hidden since is hidden, one shown again visible, one
    /// missing from the complete read deleted, a new one stored; a third unchanged poll stores nothing.
    /// </summary>
    [Fact]
    public async Task First_and_steady_polls_read_every_comment_with_the_brands_replies_hidden_and_deleted_ones()
    {
        var time = new FakeTimeProvider(Now);
        var v2 = new List<JsonObject>
        {
            Comment("c1", "v2", Now.AddHours(-5), replies: 1, embedded: Comment("r1", "v2", Now.AddHours(-4), owner: true, parent: "c1")),
            Comment("c2", "v2", Now.AddHours(-6), status: "HIDDEN"),
            Comment("c3", "v2", Now.AddHours(-7), replies: 3, embedded: Comment("r2", "v2", Now.AddHours(-6.5), parent: "c3")),
        };
        var c3Replies = new List<JsonObject> { Comment("r2", "v2", Now.AddHours(-6.5), parent: "c3"), Comment("r3", "v2", Now.AddHours(-6.4), parent: "r2"), Comment("r4", "v2", Now.AddHours(-6.3), owner: true, parent: "c3") };
        var v1 = new List<JsonObject> { Comment("c10", "v1", Now.AddDays(-2)) };
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            var q = ctx.Request.Query;
            return ctx.Request.Path.Value switch
            {
                "/v1.3/business/video/list/" when !q.ContainsKey("cursor") => Feed.Write(ctx, Page("videos", [Video("v2", Now.AddDays(-1))], 20, true)),
                // Out of order: an older video before a newer one; the walk goes on to the page with none inside the look-back.
                "/v1.3/business/video/list/" when q["cursor"] == "20" => Feed.Write(ctx, Page("videos", [Video("v0", Now.AddDays(-30)), Video("v1", Now.AddDays(-3))], 40, true)),
                "/v1.3/business/video/list/" => Feed.Write(ctx, Page("videos", [Video("v00", Now.AddDays(-31))], 60, true)),
                "/v1.3/business/comment/list/" when q["video_id"] == "v1" => Feed.Write(ctx, Page("comments", v1, 30, false)),
                "/v1.3/business/comment/list/" when !q.ContainsKey("cursor") => Feed.Write(ctx, Page("comments", v2.Take(2), 30, true)),
                "/v1.3/business/comment/list/" when q["cursor"] == "30" => Feed.Write(ctx, Page("comments", v2.Skip(2), 60, false)),
                "/v1.3/business/comment/reply/list/" when q["comment_id"] == "c3" => Feed.Write(ctx, Page("comments", c3Replies, 30, false)),
                _ => Feed.Write(ctx, "404 page not found", 404),
            };
        };
        await using var app = await TestApp.StartAsync(Channel(server), time);

        var first = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(first.Succeeded, first.Error);
        var ids = new[] { "v2", "v1", "c1", "r1", "c2", "c3", "r2", "r3", "r4", "c10" };
        var stored = await app.Get<IItemStore>().GetAsync("tt", ids, CancellationToken.None);
        Assert.Equal(ids.Order(), stored.Keys.Order());
        Assert.Empty(await app.Get<IItemStore>().GetAsync("tt", ["v0"], CancellationToken.None));
        Assert.Equal((ItemKind.Post, "acme-tt", "https://www.tiktok.com/@acme/video/v2"), (stored["v2"].Kind, stored["v2"].AuthorId, stored["v2"].Url));
        Assert.Equal(("v2", "uid_c1", "user_c1"), (stored["c1"].ParentId, stored["c1"].AuthorId, stored["c1"].AuthorName));
        Assert.Equal(("c1", "acme-tt"), (stored["r1"].ParentId, stored["r1"].AuthorId));
        Assert.Equal(("r2", "c3", "acme-tt"), (stored["r3"].ParentId, stored["r4"].ParentId, stored["r4"].AuthorId));
        Assert.Equal(ItemState.Hidden, stored["c2"].State);
        Assert.Equal(ItemState.Visible, stored["c1"].State);
        Assert.Equal(Now.AddHours(-5).ToUnixTimeSeconds(), stored["c1"].CreatedAt.ToUnixTimeSeconds());
        Assert.All(server.Requests, r => Assert.Equal("tt-access", r.Headers["Access-Token"]));
        Assert.All(server.Requests, r => Assert.Equal("", r.Authorization));
        var list = server.Requests.First(r => r.PathAndQuery.StartsWith("/v1.3/business/comment/list/", StringComparison.Ordinal)).PathAndQuery;
        Assert.Contains("business_id=open_1", list, StringComparison.Ordinal);
        Assert.Contains("status=ALL", list, StringComparison.Ordinal);
        Assert.Contains("include_replies=true", list, StringComparison.Ordinal);
        Assert.Contains("fields=%5B%22item_id%22", server.Requests.First().PathAndQuery, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.PathAndQuery.Contains("cursor=40", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.Contains("cursor=60", StringComparison.Ordinal));

        // An hour on: c1 hidden by the brand, c2 shown again, c10 deleted by its author, c4 new.
        time.Advance(TimeSpan.FromHours(1));
        v2[0]["status"] = "HIDDEN";
        v2[1]["status"] = "PUBLIC";
        v2.Insert(0, Comment("c4", "v2", time.GetUtcNow().AddMinutes(-10)));
        v1.Clear();
        server.Requests.Clear();
        var second = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), await Cursor(app), CancellationToken.None);

        Assert.True(second.Succeeded, second.Error);
        stored = await app.Get<IItemStore>().GetAsync("tt", [.. ids, "c4"], CancellationToken.None);
        Assert.Equal(ItemState.Hidden, stored["c1"].State);
        Assert.Equal(ItemState.Visible, stored["c2"].State);
        Assert.Equal(ItemState.Deleted, stored["c10"].State);
        Assert.Equal("", stored["c10"].Text);
        Assert.Equal(ItemState.Visible, stored["c4"].State);
        Assert.Contains(server.Requests, r => r.PathAndQuery.Contains("video_id=v1", StringComparison.Ordinal));

        var third = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), await Cursor(app), CancellationToken.None);
        Assert.True(third.Succeeded, third.Error);
        Assert.Equal(0, third.ItemsStored);
    }

    /// <summary>
    /// A comment read cut by the page limit deletes nothing: a comment missing from it may sit on the page not read.
    /// </summary>
    [Fact]
    public async Task A_read_cut_by_the_page_limit_deletes_nothing()
    {
        var more = false;
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value switch
        {
            "/v1.3/business/video/list/" => Feed.Write(ctx, Page("videos", [Video("v2", Now.AddDays(-1))], 20, false)),
            _ when !more => Feed.Write(ctx, Page("comments", [Comment("c1", "v2", Now.AddHours(-1)), Comment("c2", "v2", Now.AddHours(-2))], 30, false)),
            _ => Feed.Write(ctx, Page("comments", [Comment("c0", "v2", Now.AddMinutes(-5)), Comment("c1", "v2", Now.AddHours(-1))], 30, true)),
        };
        var settings = Channel(server);
        settings["Connectors:MaxPagesPerPoll"] = "1";
        await using var app = await TestApp.StartAsync(settings, new FakeTimeProvider(Now));
        Assert.True((await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None)).Succeeded);

        // A new comment pushes c2 to a second page, which the limit of one page a read leaves unread.
        more = true;
        var second = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), await Cursor(app), CancellationToken.None);

        Assert.True(second.Succeeded, second.Error);
        var stored = await app.Get<IItemStore>().GetAsync("tt", ["c0", "c2"], CancellationToken.None);
        Assert.Equal((ItemState.Visible, ItemState.Visible), (stored["c0"].State, stored["c2"].State));
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.Contains("cursor=30", StringComparison.Ordinal));
    }

    /// <summary>
    /// With the app's id and secret the channel's AccessToken is the refresh token: a one-day access token is obtained
    /// from tt_user/oauth2/refresh_token/ (JSON body client_id, client_secret, grant_type, refresh_token), renewed an
    /// hour before its end and on code 40102, each time with the refresh token TikTok returned last; the refresh
    /// token's end (refresh_token_expires_in) is the channel's credential end, which a person must act on.
    /// </summary>
    [Fact]
    public async Task Access_tokens_are_renewed_with_the_rotated_refresh_token_and_its_end_is_reported()
    {
        var time = new FakeTimeProvider(Now);
        var refreshes = new List<string>();
        var expireNext = false;
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            if (ctx.Request.Path.Value == "/v1.3/tt_user/oauth2/refresh_token/")
            {
                var body = JsonNode.Parse(server.Requests.Last(r => r.PathAndQuery == "/v1.3/tt_user/oauth2/refresh_token/").Body)!;
                refreshes.Add($"{ctx.Request.Method}|{body["client_id"]}|{body["client_secret"]}|{body["grant_type"]}|{body["refresh_token"]}");
                var n = refreshes.Count;
                return Feed.Write(ctx, Ok(new JsonObject
                {
                    ["access_token"] = $"act.{n}", ["expires_in"] = 86400, ["open_id"] = "open_1", ["refresh_token"] = $"rft.{n + 1}",
                    ["refresh_token_expires_in"] = 31527314, ["scope"] = "video.list,comment.list,comment.list.manage", ["token_type"] = "Bearer",
                }));
            }

            if (expireNext && ctx.Request.Path.Value == "/v1.3/business/video/list/")
            {
                expireNext = false;
                return Feed.Write(ctx, Error(40102, "Access token has expired."));
            }

            return ctx.Request.Path.Value == "/v1.3/business/video/list/"
                ? Feed.Write(ctx, Page("videos", [Video("v2", Now.AddDays(-1))], 20, false))
                : Feed.Write(ctx, Page("comments", [Comment("c1", "v2", Now.AddHours(-1))], 30, false));
        };
        var settings = Channel(server, token: "rft.1");
        settings["Monitor:Channels:0:Settings:appId"] = "app-123";
        settings["Monitor:Channels:0:ClientSecret"] = "app-secret-xyz";
        var vault = new VaultStandIn();
        await using var app = await TestApp.StartAsync(settings, time, configure: s => s.AddSingleton<ISecretWriter>(vault));

        var first = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(["POST|app-123|app-secret-xyz|refresh_token|rft.1"], refreshes);
        Assert.All(server.Requests.Where(r => r.Method == "GET"), r => Assert.Equal("act.1", r.Headers["Access-Token"]));
        var state = (await app.Get<IChannelStateStore>().GetAsync("tt", CancellationToken.None))!;
        Assert.Equal(Now.AddSeconds(31527314), state.Credential!.ExpiresAt);
        Assert.False(state.Credential.RenewedByMonitor);
        Assert.Contains("rotated by TikTok and stored in the vault", state.Credential.Source, StringComparison.Ordinal);

        // The rotated refresh token goes where secrets live (the ISecretWriter port; Key Vault's SetSecret in Azure),
        // with the end TikTok gave it.
        Assert.Equal([("tt", "AccessToken", "rft.2", (DateTimeOffset?)Now.AddSeconds(31527314))], vault.Written);

        // 23 hours on the access token is within its last hour: renewed with the refresh token TikTok returned.
        time.Advance(TimeSpan.FromHours(23.5));
        Assert.True((await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), await Cursor(app), CancellationToken.None)).Succeeded);
        Assert.Equal("POST|app-123|app-secret-xyz|refresh_token|rft.2", refreshes[^1]);

        // TikTok ends the token early (40102): renewed once, and the read asked again with the new token.
        expireNext = true;
        server.Requests.Clear();
        var third = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), await Cursor(app), CancellationToken.None);
        Assert.True(third.Succeeded, third.Error);
        Assert.Equal("POST|app-123|app-secret-xyz|refresh_token|rft.3", refreshes[^1]);
        Assert.Equal("act.3", server.Requests.Last(r => r.Method == "GET").Headers["Access-Token"]);
        Assert.Equal(3, refreshes.Count);
        Assert.Equal(["rft.2", "rft.3", "rft.4"], vault.Written.Select(w => w.Value));
    }

    /// <summary>
    /// Return codes (https://business-api.tiktok.com/portal/docs?id=1737172488964097), all on HTTP 200: 40105 an
    /// invalid token (refused: no app to renew it); 40107 an invalid refresh token (refused); 40001 no permission;
    /// 40100 the app's rate limit (five minutes for a minute's window, 00:00 UTC for the day's quota,
    /// https://business-api.tiktok.com/portal/docs/rate-limits/v1.3); 50000 a system error (this poll only).
    /// </summary>
    [Theory]
    [InlineData(40105, "Invalid or incorrect access token.", "refused the credentials", "none")]
    [InlineData(40001, "No permission to perform the related operation.", "refused a permission", "none")]
    [InlineData(40100, "Too many requests. The QPM limit of the app has been reached.", "rate-limited", "5min")]
    [InlineData(40100, "Too many requests. The QPD (requests per day) limit of the app has been reached.", "quota is spent", "midnight")]
    [InlineData(50000, "System error.", "code 50000", "none")]
    public async Task Return_codes_are_classified_as_TikTok_documents_them(int code, string message, string expected, string pause)
    {
        var time = new FakeTimeProvider(Now);
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => Feed.Write(ctx, Error(code, message));
        await using var app = await TestApp.StartAsync(Channel(server), time);

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains(expected, outcome.Error, StringComparison.Ordinal);
        var state = (await app.Get<IChannelStateStore>().GetAsync("tt", CancellationToken.None))!;
        Assert.Equal(code is 40105 or 40001, state.CredentialsRejected);
        if (!state.CredentialsRejected)
        {
            // A refused credential is held for a person by the poller; the rest pause as the code says, or not at all.
            Assert.Equal(pause switch { "5min" => Now.AddMinutes(5), "midnight" => new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero), _ => (DateTimeOffset?)null }, state.PausedUntil);
        }
        Assert.DoesNotContain("tt-access", outcome.Error, StringComparison.Ordinal);
    }

    /// <summary>An invalid refresh token (40107) at renewal refuses the credentials: a person must authorise the app again.</summary>
    [Fact]
    public async Task An_invalid_refresh_token_is_refused()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => Feed.Write(ctx, Error(40107, "Invalid or incorrect refresh token."));
        var settings = Channel(server, token: "rft.bad");
        settings["Monitor:Channels:0:Settings:appId"] = "app-123";
        settings["Monitor:Channels:0:ClientSecret"] = "app-secret-xyz";
        await using var app = await TestApp.StartAsync(settings, new FakeTimeProvider(Now));

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("code 40107", outcome.Error, StringComparison.Ordinal);
        Assert.True((await app.Get<IChannelStateStore>().GetAsync("tt", CancellationToken.None))!.CredentialsRejected);
        Assert.Single(server.Requests);
        Assert.DoesNotContain("app-secret-xyz", outcome.Error + server.Requests.Single().PathAndQuery, StringComparison.Ordinal);
    }
}
