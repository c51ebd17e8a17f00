using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using System.Text.Json.Nodes;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>The Reddit connector against a loopback server replaying reddit.com responses recorded by praw.</summary>
public sealed class RedditConnectorTests
{
    private const string Empty = "{\"kind\":\"Listing\",\"data\":{\"children\":[],\"after\":null}}";

    private static Dictionary<string, string?> Channel(LoopbackServer server, string username) => new()
    {
        ["Monitor:Channels:0:Id"] = "rd",
        ["Monitor:Channels:0:Kind"] = "reddit",
        ["Monitor:Channels:0:Settings:apiUrl"] = server.BaseAddress.ToString(),
        ["Monitor:Channels:0:Settings:username"] = username,
        ["Monitor:Channels:0:BrandAuthorIds:0"] = username,
        ["Monitor:Channels:0:AccessToken"] = "reddit-bearer-token",
    };

    private static JsonNode Response(string cassette, int index = 0) => Fixtures.Load($"reddit_praw/{cassette}")["interactions"]![index]!["response_json"]!;

    private static ChannelDefinition Definition(TestApp app) => app.Get<IChannelCatalog>().Find("rd")!;

    [Fact]
    public async Task Recorded_inbox_replies_and_mentions_are_stored_with_their_parents_and_links()
    {
        var replies = Response("TestInbox.test_comment_replies.json").ToJsonString();
        var mentions = Response("TestInbox.test_mentions.json").ToJsonString();
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value switch
        {
            "/message/comments" => Feed.Write(ctx, replies),
            "/message/mentions" => Feed.Write(ctx, mentions),
            _ => Feed.Write(ctx, Empty),
        };
        await using var app = await TestApp.StartAsync(Channel(server, "Lil_SpazJoekp"));

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(64 + 16, outcome.ItemsStored);
        Assert.All(server.Requests, r => Assert.Equal("Bearer reddit-bearer-token", r.Authorization));
        var item = (await app.Get<IItemStore>().GetAsync("rd", ["t1_mynqwvd"], CancellationToken.None)).Values.Single();
        Assert.Equal(("t1_myngt77", "Lil_SpazBot", "Comment Body"), (item.ParentId, item.AuthorId, item.Text));
        Assert.Equal("https://www.reddit.com/r/Lil_SpazJoekp/comments/1j7g9uj/test_post_pls_ignore/mynqwvd/?context=3", item.Url);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1750351619), item.CreatedAt);
    }

    [Fact]
    public async Task The_comment_tree_of_a_recent_brand_submission_is_read_through_nested_replies()
    {
        var tree = Response("TestSubmission.test_comments.json");
        var submission = tree[0]!.DeepClone();
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value switch
        {
            "/user/bboe/overview" => Feed.Write(ctx, submission.ToJsonString()),
            "/comments/2gmzqe" => Feed.Write(ctx, tree.ToJsonString()),
            _ => Feed.Write(ctx, Empty),
        };

        // The look-back counts from now: be a day after the recorded submission.
        var created = DateTimeOffset.FromUnixTimeSeconds((long)submission["data"]!["children"]![0]!["data"]!["created_utc"]!.GetValue<double>());
        await using var app = await TestApp.StartAsync(Channel(server, "bboe"), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(created.AddDays(1)));

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        var ids = tree.ToJsonString().Split("\"name\":\"t1_").Skip(1).Select(s => "t1_" + s[..s.IndexOf('"', StringComparison.Ordinal)]).ToList();
        Assert.Equal(2, ids.Count);
        var stored = await app.Get<IItemStore>().GetAsync("rd", [.. ids, "t3_2gmzqe"], CancellationToken.None);
        Assert.Equal(3, stored.Count);
        Assert.Equal("t3_2gmzqe", stored["t1_cklfmye"].ParentId);
        Assert.Equal(Domain.Conversations.ItemKind.Post, stored["t3_2gmzqe"].Kind);
        Assert.Contains(stored.Values, i => i.ParentId == "t1_cklfmye");
    }

    [Fact]
    public async Task Later_polls_walk_back_only_to_the_cursor()
    {
        var replies = Response("TestInbox.test_comment_replies.json");
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => Feed.Write(ctx, ctx.Request.Path.Value == "/message/comments" && !ctx.Request.Query.ContainsKey("after") ? replies.ToJsonString() : Empty);
        await using var app = await TestApp.StartAsync(Channel(server, "Lil_SpazJoekp"));

        // The cursor sits at the 10th newest reply: the first page has older ones, so the walk stops there.
        var children = replies["data"]!["children"]!.AsArray();
        var since = children[9]!["data"]!["created_utc"]!.GetValue<double>();
        var newer = children.Count(c => c!["data"]!["created_utc"]!.GetValue<double>() >= since);
        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), "{\"since\":" + since.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}", CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(newer, outcome.ItemsStored);
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.Contains("after=", StringComparison.Ordinal));
    }

    private static string Listing(params JsonObject[] things) =>
        new JsonObject { ["kind"] = "Listing", ["data"] = new JsonObject { ["children"] = new JsonArray([.. things.Select(t => t.DeepClone())]), ["after"] = null } }.ToJsonString();

    private static JsonObject Thing(string kind, string id, string author, DateTimeOffset at, string? parent = null, string? title = null) => new()
    {
        ["kind"] = kind,
        ["data"] = new JsonObject
        {
            ["name"] = $"{kind}_{id}",
            ["id"] = id,
            ["author"] = author,
            ["created_utc"] = at.ToUnixTimeSeconds(),
            ["body"] = title is null ? "Where is my order?" : null,
            ["title"] = title,
            ["selftext"] = title is null ? null : "New colours are in",
            ["parent_id"] = parent,
            ["link_id"] = parent is null ? null : "t3_sub1",
            ["permalink"] = $"/r/acme/comments/sub1/x/{id}/",
            ["replies"] = "",
        },
    };

    /// <summary>
    /// Reddit's OAuth2 (https://github.com/reddit-archive/reddit/wiki/OAuth2): access tokens last an hour and are
    /// renewed from a refresh token with the app's id and secret as Basic auth; the API rules require a User-Agent of
    /// the form platform:app id:version (by /u/user); top-level comments on the brand's posts arrive in
    /// message/selfreply; a 429 carries X-Ratelimit-Reset (seconds); a network block is a 403 HTML page.
    /// </summary>
    [Fact]
    public async Task Tokens_are_renewed_by_the_app_selfreplies_and_earlier_trees_are_read_and_limits_pause()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        var now = time.GetUtcNow();
        var issued = new List<string>();
        // The submission's tree holds its comments, the one selfreply announces included (a tree read whole is also
        // what tells a deleted comment, so it must not leave out one that exists).
        var tree = new List<JsonObject> { Thing("t3", "sub1", "acme", now.AddHours(-5), title: "Launch"), Thing("t1", "top1", "fan1", now.AddHours(-4), parent: "t3_sub1") };
        var mode = "ok";
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = async ctx =>
        {
            var path = ctx.Request.Path.Value!;
            if (path == "/api/v1/access_token")
            {
                var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(server.Requests.Last(r => r.PathAndQuery == "/api/v1/access_token").Body);
                issued.Add($"{ctx.Request.Headers.Authorization}|{form["grant_type"]}|{form["refresh_token"]}");
                await Feed.Write(ctx, "{\"access_token\":\"tok-" + issued.Count + "\",\"token_type\":\"bearer\",\"expires_in\":3600,\"scope\":\"read privatemessages history\"}");
                return;
            }

            if (mode == "429")
            {
                ctx.Response.Headers["X-Ratelimit-Used"] = "100";
                ctx.Response.Headers["X-Ratelimit-Remaining"] = "0";
                ctx.Response.Headers["X-Ratelimit-Reset"] = "120";
                await Feed.Write(ctx, "{\"message\":\"Too Many Requests\",\"error\":429}", 429);
                return;
            }

            if (mode == "blocked")
            {
                ctx.Response.StatusCode = 403;
                ctx.Response.ContentType = "text/html";
                await ctx.Response.WriteAsync("<html><body>You've been blocked by network security.</body></html>");
                return;
            }

            await (path switch
            {
                "/user/acme/overview" => Feed.Write(ctx, Listing(tree[0])),
                "/message/selfreply" => Feed.Write(ctx, Listing(Thing("t1", "top1", "fan1", now.AddHours(-4), parent: "t3_sub1"))),
                "/comments/sub1" => Feed.Write(ctx, "[" + Listing(tree[0]) + "," + Listing([.. tree.Skip(1)]) + "]"),
                _ => Feed.Write(ctx, Empty),
            });
        };
        var settings = Channel(server, "acme");
        settings["Monitor:Channels:0:Settings:authUrl"] = server.BaseAddress.ToString();
        settings["Monitor:Channels:0:Settings:clientId"] = "app-id-123";
        settings["Monitor:Channels:0:ClientSecret"] = "app-secret-xyz";
        settings["Monitor:Channels:0:AccessToken"] = "refresh-token-abc";
        await using var app = await TestApp.StartAsync(settings, time);

        var first = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(first.Succeeded, first.Error);
        var basic = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("app-id-123:app-secret-xyz"));
        Assert.Equal([$"{basic}|refresh_token|refresh-token-abc"], issued);
        Assert.All(server.Requests.Where(r => r.PathAndQuery.StartsWith("/api/v1", StringComparison.Ordinal) is false), r => Assert.Equal("Bearer tok-1", r.Authorization));
        Assert.All(server.Requests, r => Assert.Equal("dotnet:app-id-123:1.0 (by /u/acme)", r.Headers["User-Agent"]));
        Assert.Contains(server.Requests, r => r.PathAndQuery.StartsWith("/message/selfreply", StringComparison.Ordinal));
        Assert.NotNull((await app.Get<IItemStore>().GetAsync("rd", ["t1_top1"], CancellationToken.None)).GetValueOrDefault("t1_top1"));
        Assert.Equal("dotnet:app-id-123:1.0 (by /u/acme)", ResponseMonitor.Connectors.Reddit.RedditConnector.UserAgent("app-id-123", "acme"));

        // An hour on, a member of the public replies to another under the brand's post: nothing new in the listings,
        // but the submission is inside the look-back, so its tree is read again, with a renewed token.
        time.Advance(TimeSpan.FromHours(1));
        tree.Add(Thing("t1", "deep1", "fan2", time.GetUtcNow().AddMinutes(-5), parent: "t1_top1"));
        var second = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), (await app.Get<IChannelStateStore>().GetAsync("rd", CancellationToken.None))!.Cursor, CancellationToken.None);

        Assert.True(second.Succeeded, second.Error);
        Assert.Equal(2, issued.Count);
        Assert.NotNull((await app.Get<IItemStore>().GetAsync("rd", ["t1_deep1"], CancellationToken.None)).GetValueOrDefault("t1_deep1"));

        // A rate limit is a pause until the window resets; a network block is not the token's fault.
        mode = "429";
        var limited = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);
        Assert.Contains("rate-limited", limited.Error, StringComparison.Ordinal);
        Assert.Equal(time.GetUtcNow().AddSeconds(120), (await app.Get<IChannelStateStore>().GetAsync("rd", CancellationToken.None))!.PausedUntil);
        mode = "blocked";
        var blocked = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);
        Assert.Contains("not the token", blocked.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("app-secret-xyz", blocked.Error + limited.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Collapsed replies arrive as <c>more</c> stubs (https://github.com/reddit-archive/reddit/wiki/JSON, "more"):
    /// their ids are asked of <c>GET /api/morechildren</c> with <c>link_id</c> and at most 100 <c>children</c>, which
    /// answers <c>json.data.things</c> (https://www.reddit.com/dev/api/#GET_api_morechildren); a stub without ids is a
    /// thread cut at depth (as in praw's recorded TestComment.test_parent__chain: <c>"id": "_"</c>, <c>"children": []</c>),
    /// read from its parent comment's own tree.
    /// </summary>
    [Fact]
    public async Task Collapsed_replies_and_threads_cut_at_depth_are_expanded()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        var now = time.GetUtcNow();
        var post = Thing("t3", "sub1", "acme", now.AddHours(-5), title: "Launch");
        var top = Thing("t1", "top1", "fan1", now.AddHours(-4), parent: "t3_sub1");
        var hidden = Enumerable.Range(1, 150).Select(n => $"hid{n}").ToList();
        var more = new JsonObject { ["kind"] = "more", ["data"] = new JsonObject { ["count"] = hidden.Count, ["name"] = "t1_hid1", ["id"] = "hid1", ["parent_id"] = "t3_sub1", ["depth"] = 0, ["children"] = new JsonArray([.. hidden.Select(h => JsonValue.Create(h))]) } };
        var cut = new JsonObject { ["kind"] = "more", ["data"] = new JsonObject { ["count"] = 0, ["name"] = "t1__", ["id"] = "_", ["parent_id"] = "t1_top1", ["depth"] = 10, ["children"] = new JsonArray() } };
        top["data"]!["replies"] = JsonNode.Parse(Listing(cut));
        var asked = new List<string>();
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            var path = ctx.Request.Path.Value!;
            if (path == "/api/morechildren")
            {
                var children = ctx.Request.Query["children"].ToString().Split(',');
                asked.Add($"{ctx.Request.Query["link_id"]}|{ctx.Request.Query["api_type"]}|{children.Length}");
                var things = new JsonArray([.. children.Select(c => (JsonNode)Thing("t1", c, "fan-" + c, now.AddHours(-3), parent: "t3_sub1"))]);
                return Feed.Write(ctx, new JsonObject { ["json"] = new JsonObject { ["errors"] = new JsonArray(), ["data"] = new JsonObject { ["things"] = things } } }.ToJsonString());
            }

            return path switch
            {
                "/user/acme/overview" => Feed.Write(ctx, Listing(post)),
                "/comments/sub1" => Feed.Write(ctx, "[" + Listing(post) + "," + Listing(top, more) + "]"),
                "/comments/sub1/_/top1" => Feed.Write(ctx, "[" + Listing(post) + "," + Listing(Thing("t1", "deep1", "fan9", now.AddHours(-2), parent: "t1_top1")) + "]"),
                _ => Feed.Write(ctx, Empty),
            };
        };
        await using var app = await TestApp.StartAsync(Channel(server, "acme"), time);

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(["t3_sub1|json|100", "t3_sub1|json|50"], asked);
        var ids = hidden.Select(h => "t1_" + h).Append("t1_top1").Append("t1_deep1").ToList();
        var stored = await app.Get<IItemStore>().GetAsync("rd", ids, CancellationToken.None);
        Assert.Equal(ids.Count, stored.Count);
        Assert.Equal("t1_top1", stored["t1_deep1"].ParentId);
    }

    /// <summary>
    /// A submission in a private, quarantined or gated subreddit answers its tree with
    /// <c>403 {"reason": "private", "message": "Forbidden", "error": 403}</c> (the reasons prawcore's Forbidden carries,
    /// praw-dev/prawcore prawcore/exceptions.py): that thread is not readable by this account, which says nothing of
    /// the token. The channel stays polled, not held six hours for "renew the channel's token".
    /// </summary>
    [Theory]
    [InlineData("private")]
    [InlineData("quarantined")]
    [InlineData("gated")]
    public async Task A_tree_in_a_private_quarantined_or_gated_subreddit_is_not_readable_not_a_refused_token(string reason)
    {
        var now = DateTimeOffset.UtcNow;
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value switch
        {
            "/user/acme/overview" => Feed.Write(ctx, Listing(Thing("t3", "sub1", "acme", now.AddHours(-2), title: "Launch"))),
            "/message/comments" => Feed.Write(ctx, Listing(Thing("t1", "c1", "fan", now.AddHours(-1), parent: "t3_other"))),
            "/comments/sub1" => Feed.Write(ctx, "{\"reason\": \"" + reason + "\", \"message\": \"Forbidden\", \"error\": 403}", 403),
            _ => Feed.Write(ctx, Empty),
        };
        await using var app = await TestApp.StartAsync(Channel(server, "acme"));

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Contains(server.Requests, r => r.PathAndQuery.StartsWith("/comments/sub1", StringComparison.Ordinal));
        Assert.NotNull((await app.Get<IItemStore>().GetAsync("rd", ["t1_c1"], CancellationToken.None)).GetValueOrDefault("t1_c1"));
        var state = await app.Get<IChannelStateStore>().GetAsync("rd", CancellationToken.None);
        Assert.False(state!.CredentialsRejected);
        Assert.Null(state.PausedUntil);
    }

    /// <summary>
    /// Reddit rotates refresh tokens: <c>POST /api/v1/access_token</c> with grant refresh_token may answer a new
    /// <c>refresh_token</c>, and only the newest works, for a year (prawcore keeps the answer's refresh_token:
    /// praw-dev/prawcore prawcore/auth.py, <c>Authorizer._request_token</c> sets <c>self.refresh_token</c>). The next
    /// renewal sends the new one, and the year's end is the credential's, so credentials-expiring warns before it.
    /// </summary>
    [Fact]
    public async Task A_rotated_refresh_token_is_used_for_the_next_renewal_and_its_year_is_reported()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        await using var loopback = await LoopbackServer.StartAsync();
        var (server, sent) = RotatingServer(loopback);
        await using var app = await TestApp.StartAsync(RenewingChannel(server), time);

        Assert.True((await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None)).Succeeded);
        time.Advance(TimeSpan.FromHours(1));
        Assert.True((await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None)).Succeeded);

        Assert.Equal(["refresh-1", "refresh-2"], sent);
        var credential = (await app.Get<IChannelStateStore>().GetAsync("rd", CancellationToken.None))!.Credential!;
        Assert.Equal(time.GetUtcNow().AddDays(365), credential.ExpiresAt);
        Assert.False(credential.RenewedByMonitor);
        Assert.Contains("rotated", credential.Source, StringComparison.Ordinal);
    }

    /// <summary>A vault stand-in at the <see cref="ISecretWriter"/> port: what the Key Vault writer would be handed.</summary>
    private sealed class RecordingSecretWriter : ISecretWriter
    {
        public List<(string ChannelId, string Secret, string Value, DateTimeOffset? ExpiresAt)> Written { get; } = [];

        public bool Persists => true;

        public Task WriteAsync(string channelId, string secret, string value, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
        {
            Written.Add((channelId, secret, value, expiresAt));
            return Task.CompletedTask;
        }
    }

    private static (LoopbackServer Server, List<string> Sent) RotatingServer(LoopbackServer server)
    {
        var sent = new List<string>();
        server.Handler = ctx =>
        {
            if (ctx.Request.Path.Value == "/api/v1/access_token")
            {
                var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(server.Requests.Last(r => r.PathAndQuery == "/api/v1/access_token").Body);
                sent.Add(form["refresh_token"]!);
                return Feed.Write(ctx, "{\"access_token\":\"tok-" + sent.Count + "\",\"token_type\":\"bearer\",\"expires_in\":3600,\"refresh_token\":\"refresh-" + (sent.Count + 1) + "\",\"scope\":\"read\"}");
            }

            return Feed.Write(ctx, Empty);
        };
        return (server, sent);
    }

    private static Dictionary<string, string?> RenewingChannel(LoopbackServer server)
    {
        var settings = Channel(server, "acme");
        settings["Monitor:Channels:0:Settings:authUrl"] = server.BaseAddress.ToString();
        settings["Monitor:Channels:0:Settings:clientId"] = "app-id-123";
        settings["Monitor:Channels:0:ClientSecret"] = "app-secret-xyz";
        settings["Monitor:Channels:0:AccessToken"] = "refresh-1";
        return settings;
    }

    /// <summary>
    /// With a vault, a rotated refresh token is handed to the secret writer (the Key Vault writer sets it as a new
    /// version of the secret the AccessToken setting references: https://learn.microsoft.com/rest/api/keyvault/secrets/set-secret/set-secret),
    /// with its year's end, and the next renewal sends it. Neither the token nor its successor is logged.
    /// </summary>
    [Fact]
    public async Task A_rotated_refresh_token_is_written_to_the_vault_and_never_logged()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        await using var loopback = await LoopbackServer.StartAsync();
        var (server, sent) = RotatingServer(loopback);
        var vault = new RecordingSecretWriter();
        var logs = new CapturingLoggerProvider();
        await using var app = await TestApp.StartAsync(RenewingChannel(server), time, logging: logs, configure: s => s.AddSingleton<ISecretWriter>(vault));

        Assert.True((await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None)).Succeeded);
        Assert.Equal([("rd", "AccessToken", "refresh-2", (DateTimeOffset?)time.GetUtcNow().AddDays(365))], vault.Written);
        time.Advance(TimeSpan.FromHours(1));
        Assert.True((await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None)).Succeeded);

        Assert.Equal(["refresh-1", "refresh-2"], sent);
        Assert.Equal("refresh-3", vault.Written[^1].Value);
        var credential = (await app.Get<IChannelStateStore>().GetAsync("rd", CancellationToken.None))!.Credential!;
        Assert.Contains("stored in the vault", credential.Source, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("refresh-", StringComparison.Ordinal));
    }

    /// <summary>
    /// Without a vault the rotated token lives in this process only: the credential and a log warning say the setting
    /// must be updated, without the token. A configured issue date makes the year's end known before any rotation.
    /// </summary>
    [Fact]
    public async Task Without_a_vault_a_rotated_token_is_held_in_memory_with_a_warning_and_an_issue_date_dates_the_year()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        await using var loopback = await LoopbackServer.StartAsync();
        var (server, sent) = RotatingServer(loopback);
        var logs = new CapturingLoggerProvider();
        await using (var app = await TestApp.StartAsync(RenewingChannel(server), time, logging: logs))
        {
            Assert.True((await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None)).Succeeded);
            var credential = (await app.Get<IChannelStateStore>().GetAsync("rd", CancellationToken.None))!.Credential!;
            Assert.Contains("held in this process only", credential.Source, StringComparison.Ordinal);
            Assert.Contains(logs.Lines, l => l.Contains("update Monitor:Channels:N:AccessToken", StringComparison.Ordinal));
            Assert.DoesNotContain(logs.Lines, l => l.Contains("refresh-", StringComparison.Ordinal));
        }

        // Reddit does not rotate this time: the configured token's issue date gives its year's end.
        server.Handler = ctx => ctx.Request.Path.Value == "/api/v1/access_token"
            ? Feed.Write(ctx, "{\"access_token\":\"tok\",\"token_type\":\"bearer\",\"expires_in\":3600,\"scope\":\"read\"}")
            : Feed.Write(ctx, Empty);
        var dated = RenewingChannel(server);
        dated["Monitor:Channels:0:Settings:refreshTokenIssuedAt"] = "2026-01-10T00:00:00Z";
        await using var later = await TestApp.StartAsync(dated, time);
        Assert.True((await later.Get<ChannelPoller>().PollChannelAsync(Definition(later), null, CancellationToken.None)).Succeeded);
        var year = (await later.Get<IChannelStateStore>().GetAsync("rd", CancellationToken.None))!.Credential!;
        Assert.Equal((new DateTimeOffset(2027, 1, 10, 0, 0, 0, TimeSpan.Zero), false), (year.ExpiresAt!.Value, year.RenewedByMonitor));

        dated["Monitor:Channels:0:Settings:refreshTokenIssuedAt"] = "last winter";
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => TestApp.StartAsync(dated, time));
        Assert.Contains("Settings:refreshTokenIssuedAt 'last winter' is not a time", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Reddit usernames are case-insensitive and listings spell them as the account chose ("AcmeCo"), while a
    /// BrandAuthorIds entry may be written "acmeco": the brand's reply is the brand's, and answers the question.
    /// </summary>
    [Fact]
    public async Task The_brand_is_recognised_whatever_the_case_of_its_username()
    {
        var now = DateTimeOffset.UtcNow;
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value switch
        {
            "/user/acmeco/overview" => Feed.Write(ctx, Listing(Thing("t1", "r1", "AcmeCo", now.AddMinutes(-30), parent: "t1_q1"), Thing("t3", "sub9", "AcmeCo", now.AddHours(-2), title: "Launch"))),
            "/message/selfreply" => Feed.Write(ctx, Listing(Thing("t1", "q1", "fan", now.AddHours(-1), parent: "t3_sub9"))),
            _ => Feed.Write(ctx, Empty),
        };
        await using var app = await TestApp.StartAsync(Channel(server, "acmeco"));

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);
        var analysis = await app.Get<ChannelAnalysisService>().AnalyzeAsync("rd", CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal("acmeco", (await app.Get<IItemStore>().GetAsync("rd", ["t1_r1"], CancellationToken.None))["t1_r1"].AuthorId);
        Assert.Equal(0, analysis.Snapshot.OpenCount);
    }

    /// <summary>
    /// Listings run newest first (https://www.reddit.com/dev/api/#listings); a walk cut at Connectors:MaxPagesPerPoll
    /// before it meets the mark has not read what lies between: the mark must not pass it.
    /// </summary>
    [Fact]
    public async Task A_walk_cut_at_the_page_limit_keeps_the_mark()
    {
        var now = DateTimeOffset.UtcNow;
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value == "/message/comments" && !ctx.Request.Query.ContainsKey("after")
            ? Feed.Write(ctx, new JsonObject { ["kind"] = "Listing", ["data"] = new JsonObject { ["children"] = new JsonArray(Thing("t1", "n1", "fan", now.AddMinutes(-5), parent: "t3_s")), ["after"] = "t1_n1" } }.ToJsonString())
            : Feed.Write(ctx, Empty);
        var settings = Channel(server, "acme");
        settings["Connectors:MaxPagesPerPoll"] = "1";
        await using var app = await TestApp.StartAsync(settings);
        var since = now.AddDays(-1).ToUnixTimeSeconds();

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), "{\"since\":" + since + "}", CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(1, outcome.ItemsStored);
        var cursor = JsonNode.Parse((await app.Get<IChannelStateStore>().GetAsync("rd", CancellationToken.None))!.Cursor!)!;
        Assert.Equal((double)since, cursor["since"]!.GetValue<double>());
    }

    [Fact]
    public async Task The_demo_emulators_tree_is_read_whole_and_a_comment_deleted_later_leaves_storage_and_the_waiting_list()
    {
        // The demo's Reddit served on loopback, as App/Demo's route does, and read by the real connector and poller.
        var start = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(start);
        var emulator = new Connectors.Reddit.RedditPlatform().DemoEmulator!;
        List<Connectors.Platforms.DemoItem> items =
        [
            new("t3_p1", null, "acme_official", "acme_official", start.AddDays(-2), "AMA: ask our designers", "http://demo/p1"),
            new("t1_c1", "t3_p1", "hiker42", "hiker42", start.AddHours(-36), "Wide sizes?", "http://demo/c1"),
            new("t1_r1", "t1_c1", "acme_official", "acme_official", start.AddHours(-34), "In May.", "http://demo/r1"),
            new("t1_c2", "t3_p1", "trailmix_anna", "trailmix_anna", start.AddHours(-20), "Break-in period?", "http://demo/c2"),
            new("t1_c4", "t3_p1", "gearhead_99", "gearhead_99", start.AddHours(-6), "A discount code?", "http://demo/c4") { DeletedAt = start.AddMinutes(3) },
            new("t1_c5", "t1_c4", "moss_walker", "moss_walker", start.AddHours(-5), "Which insole?", "http://demo/c5"),
        ];
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            var answer = emulator.Answer(new Connectors.Platforms.DemoRequest("rd", ctx.Request.Method, ctx.Request.Path.Value!.TrimStart('/'), items, "acme_official", time.GetUtcNow(), KeyChecked: true, default, _ => false));
            return answer is null ? Feed.Write(ctx, "{}", 404) : Feed.Write(ctx, answer.Json, answer.StatusCode);
        };
        await using var app = await TestApp.StartAsync(Channel(server, "acme_official"), time);
        var poller = app.Get<ChannelPoller>();

        var first = await poller.PollChannelAsync(Definition(app), null, CancellationToken.None);
        Assert.True(first.Succeeded, first.Error);
        var ids = items.Select(i => i.Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), (await app.Get<IItemStore>().GetAsync("rd", ids, CancellationToken.None)).Keys.Order(StringComparer.Ordinal));
        Assert.Contains(server.Requests, r => r.PathAndQuery.StartsWith("/comments/p1?", StringComparison.Ordinal));
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("rd", CancellationToken.None);
        Assert.Contains("t1_c4", (await app.Get<IOpenCommentStore>().GetAsync("rd", CancellationToken.None)).Select(o => o.Item.Id));

        // Three minutes on, its author deletes it: the tree holds it as Reddit does, author and body "[deleted]", under
        // its reply; the next poll takes it out of storage entirely (Reddit's Data API terms) and off the waiting list.
        time.Advance(TimeSpan.FromMinutes(5));
        var second = await poller.PollChannelAsync(Definition(app), (await app.Get<IChannelStateStore>().GetAsync("rd", CancellationToken.None))!.Cursor, CancellationToken.None);
        Assert.True(second.Succeeded, second.Error);
        var left = await app.Get<IItemStore>().GetAsync("rd", ids, CancellationToken.None);
        Assert.DoesNotContain("t1_c4", left.Keys);
        Assert.Equal("t1_c4", left["t1_c5"].ParentId);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("rd", CancellationToken.None);
        var open = (await app.Get<IOpenCommentStore>().GetAsync("rd", CancellationToken.None)).Select(o => o.Item.Id).ToList();
        Assert.DoesNotContain("t1_c4", open);
        Assert.Contains("t1_c2", open);
        Assert.DoesNotContain("t1_c1", open);
    }
}
