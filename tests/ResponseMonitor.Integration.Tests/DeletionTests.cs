using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.App.Api.Webhooks;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// Deleted, hidden and edited items, per platform, through poll and push: a deleted comment's text and author leave
/// storage (its whole row where the platform's terms ask), and a deleted or hidden comment leaves the waiting list and
/// the response clock, counted apart (docs/METRICS.md, "Exclusions"; docs/CHANNELS.md, "Deleted, hidden and edited").
/// </summary>
public sealed class DeletionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private const string Secret = "webhook-secret-for-tests";
    // The dashboard's reads are shared for Api:ReadCacheSeconds; these tests read right after each change.
    private static readonly Dictionary<string, string?> NoReadCache = new() { ["Api:ReadCacheSeconds"] = "0" };

    private const string Message = "{\"channelId\":\"ch\",\"reason\":\"test\",\"requestedAt\":\"2026-03-10T12:00:00Z\"}";

    private static async Task<HttpResponseMessage> PushAsync(TestApp app, string channelId, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{channelId}") { Content = new ByteArrayContent(bytes) };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(Secret, bytes));
        return await app.Anonymous.SendAsync(request);
    }

    private static async Task<ContentItem?> StoredAsync(TestApp app, string channelId, string id) =>
        (await app.Get<IItemStore>().GetAsync(channelId, [id], CancellationToken.None)).GetValueOrDefault(id);

    /// <summary>
    /// The generic feed (docs/GENERIC_FEED.md, <c>state</c>): a critic waits, is warned about, and is then deleted by its
    /// author. Pushed as deleted, its text and author leave storage; the waiting list, the critical count and the
    /// critic-ignored warning follow at the next analysis, and the metrics count it apart as deleted. A comment the
    /// feed reports hidden on the next poll is counted apart as hidden.
    /// </summary>
    [Fact]
    public async Task A_deleted_critic_leaves_the_waiting_list_its_warning_and_the_clock_and_is_counted_apart()
    {
        var time = new FakeTimeProvider(Now);
        var items = new List<JsonObject>
        {
            Feed.Post("p1", "brand", Now.AddHours(-40)),
            Feed.Comment("critic", "p1", "u1", Now.AddHours(-30), "Still waiting for my refund, no answer from customer service!"),
            Feed.Comment("q2", "p1", "u2", Now.AddHours(-3), "Do you ship to Spain?"),
        };
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(items));
        await using var app = await TestApp.StartAsync(TestApp.Merge(TestApp.Channel(0, "ch", feed.Url("/feed"), webhookSecret: Secret), NoReadCache), time);
        var poll = app.Get<App.Functions.PollChannelsFunction>();
        var analyze = app.Get<App.Functions.AnalyzeChannelFunction>();
        await poll.RunAsync(CancellationToken.None);
        await TestApp.DrainPollQueueAsync(app);
        await analyze.RunAsync(Message, CancellationToken.None);
        Assert.Equal(2, (await app.GetJsonAsync("/api/unanswered?channel=ch"))["items"]!.AsArray().Count);
        Assert.Single((await app.GetJsonAsync("/api/warnings?rule=critic-ignored"))["items"]!.AsArray());

        var deleted = Feed.Comment("critic", "p1", "u1", Now.AddHours(-30), "");
        deleted["state"] = "deleted";
        deleted["editedAt"] = Now.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture);
        using var pushed = await PushAsync(app, "ch", new JsonObject { ["items"] = new JsonArray(deleted) }.ToJsonString());
        Assert.Equal(HttpStatusCode.Accepted, pushed.StatusCode);

        var row = await StoredAsync(app, "ch", "critic");
        Assert.Equal((ItemState.Deleted, "", ItemRules.DeletedAuthor, (string?)null), (row!.State, row.Text, row.AuthorId, row.AuthorName));
        Assert.Equal(["q2"], (await app.GetJsonAsync("/api/unanswered?channel=ch"))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));

        // The feed now also reports q2 hidden by the brand's moderation.
        items[1] = deleted;
        items[2]["state"] = "hidden";
        items[2]["editedAt"] = Now.AddMinutes(4).ToString("O", CultureInfo.InvariantCulture);   // a change, as the feed reports changes
        time.Advance(TimeSpan.FromMinutes(5));
        await poll.RunAsync(CancellationToken.None);
        await TestApp.DrainPollQueueAsync(app);
        await analyze.RunAsync(Message, CancellationToken.None);

        var left = (await app.GetJsonAsync("/api/unanswered?channel=ch"))["items"]!.AsArray();
        Assert.True(left.Count == 0, left.ToJsonString());
        Assert.Equal(ItemState.Hidden, (await StoredAsync(app, "ch", "q2"))!.State);
        Assert.Empty((await app.GetJsonAsync("/api/warnings?rule=critic-ignored"))["items"]!.AsArray());
        var channel = (await app.GetJsonAsync("/api/channels/ch"))["channel"]!;
        Assert.Equal((0, 0), (channel["openCount"]!.GetValue<int>(), channel["criticalOpenCount"]!.GetValue<int>()));
        var excluded = await app.GetJsonAsync($"/api/metrics/exclusions?channel=ch&from={Uri.EscapeDataString(Now.AddDays(-3).ToString("O", CultureInfo.InvariantCulture))}");
        Assert.Equal((1, 1), (excluded["counts"]!["deleted"]!.GetValue<int>(), excluded["counts"]!["hidden"]!.GetValue<int>()));
        var metrics = await app.GetJsonAsync($"/api/metrics?channel=ch&from={Uri.EscapeDataString(Now.AddDays(-3).ToString("O", CultureInfo.InvariantCulture))}");
        Assert.DoesNotContain("refund", metrics.ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Meta's page feed webhook says a comment was removed (<c>verb: remove</c>, <c>item: comment</c>, as bottender's
    /// recorded commentRemove in ../shared/data/api_fixtures/facebook) or hidden (<c>verb: hide</c>)
    /// (https://developers.facebook.com/docs/graph-api/webhooks/reference/page/#feed). The removed comment keeps only
    /// its place and times; the hidden one its text, with its state; neither waits any longer.
    /// </summary>
    [Fact]
    public async Task Meta_remove_and_hide_events_delete_and_hide_stored_comments()
    {
        var recorded = Fixtures.Load("facebook/webhook_page_feed_changes_bottender.json")["changes"]!["commentRemove"]!;
        var commentId = recorded["value"]!["comment_id"]!.GetValue<string>();
        var postId = recorded["value"]!["post_id"]!.GetValue<string>();
        await using var server = await LoopbackServer.StartAsync();
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>(NoReadCache)
        {
            ["Monitor:Channels:0:Id"] = "fb",
            ["Monitor:Channels:0:Kind"] = "facebook-page",
            ["Monitor:Channels:0:Settings:graphUrl"] = server.BaseAddress + "v21.0/",
            ["Monitor:Channels:0:Settings:pageId"] = "137542570280222",
            ["Monitor:Channels:0:BrandAuthorIds:0"] = "137542570280222",
            ["Monitor:Channels:0:AccessToken"] = "page-token",
            ["Monitor:Channels:0:WebhookSecret"] = Secret,
        });
        var created = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds();
        string Change(string verb, string id, string text = "") =>
            $"{{\"field\":\"feed\",\"value\":{{\"from\":{{\"id\":\"139560936744123\",\"name\":\"Fan\"}},\"post_id\":\"{postId}\",\"comment_id\":\"{id}\",\"parent_id\":\"{postId}\",\"verb\":\"{verb}\",\"item\":\"comment\",\"message\":\"{text}\",\"created_time\":{created}}}}}";
        string Delivery(params string[] changes) => $"{{\"object\":\"page\",\"entry\":[{{\"id\":\"137542570280222\",\"time\":{created},\"changes\":[{string.Join(',', changes)}]}}]}}";

        using (var added = await PushAsync(app, "fb", Delivery(Change("add", commentId, "Where is my order?"), Change("add", "c-hide", "Is this available in blue?"))))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        await app.Get<Domain.Analysis.ChannelAnalysisService>().AnalyzeAsync("fb", CancellationToken.None);
        Assert.Equal(2, (await app.GetJsonAsync("/api/unanswered?channel=fb"))["items"]!.AsArray().Count);

        // The recorded remove, as Meta sends it, and a hide.
        var remove = Delivery(recorded.ToJsonString(), Change("hide", "c-hide"));
        using var response = await PushAsync(app, "fb", remove);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["changed"]!.GetValue<int>());

        var gone = await StoredAsync(app, "fb", commentId);
        Assert.Equal((ItemState.Deleted, "", ItemRules.DeletedAuthor), (gone!.State, gone.Text, gone.AuthorId));
        var hidden = await StoredAsync(app, "fb", "c-hide");
        Assert.Equal((ItemState.Hidden, "Is this available in blue?"), (hidden!.State, hidden.Text));
        Assert.Empty((await app.GetJsonAsync("/api/unanswered?channel=fb"))["items"]!.AsArray());   // at once, before any analysis

        var analysis = await app.Get<Domain.Analysis.ChannelAnalysisService>().AnalyzeAsync("fb", CancellationToken.None);
        Assert.Equal(0, analysis.Snapshot.OpenCount);
    }

    /// <summary>
    /// Facebook's Comment node carries <c>is_hidden</c> (https://developers.facebook.com/docs/graph-api/reference/comment/),
    /// Instagram's IG Comment <c>hidden</c> (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment):
    /// a polled comment the brand hid is stored hidden and waits for nothing.
    /// </summary>
    [Theory]
    [InlineData("facebook-page")]
    [InlineData("instagram")]
    public async Task A_polled_comment_the_brand_hid_is_stored_hidden(string kind)
    {
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        static string T(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture);
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            var path = ctx.Request.Path.Value!;
            return path.EndsWith("/feed", StringComparison.Ordinal) || path.EndsWith("/media", StringComparison.Ordinal)
                ? Feed.Write(ctx, $"{{\"data\":[{{\"id\":\"p1\",\"message\":\"Launch\",\"caption\":\"Launch\",\"created_time\":\"{T(at)}\",\"timestamp\":\"{T(at)}\",\"from\":{{\"id\":\"brand1\"}}}}]}}")
                : path.EndsWith("/comments", StringComparison.Ordinal)
                    ? Feed.Write(ctx, $"{{\"data\":[{{\"id\":\"c1\",\"message\":\"spam spam\",\"text\":\"spam spam\",\"created_time\":\"{T(at.AddMinutes(5))}\",\"timestamp\":\"{T(at.AddMinutes(5))}\",\"from\":{{\"id\":\"fan\",\"username\":\"fan\"}},\"is_hidden\":true,\"hidden\":true}},"
                        + $"{{\"id\":\"c2\",\"message\":\"Is it waterproof?\",\"text\":\"Is it waterproof?\",\"created_time\":\"{T(at.AddMinutes(6))}\",\"timestamp\":\"{T(at.AddMinutes(6))}\",\"from\":{{\"id\":\"fan2\",\"username\":\"fan2\"}},\"is_hidden\":false,\"hidden\":false}}],\"summary\":{{\"order\":\"reverse_chronological\"}}}}")
                    : Feed.Write(ctx, "{\"data\":{}}");
        };
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>(NoReadCache)
        {
            ["Monitor:Channels:0:Id"] = "meta",
            ["Monitor:Channels:0:Kind"] = kind,
            ["Monitor:Channels:0:Settings:graphUrl"] = server.BaseAddress + "v21.0/",
            ["Monitor:Channels:0:Settings:pageId"] = "brand1",
            ["Monitor:Channels:0:Settings:accountId"] = "brand1",
            ["Monitor:Channels:0:BrandAuthorIds:0"] = "brand1",
            ["Monitor:Channels:0:AccessToken"] = "token",
        });

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(app.Get<IChannelCatalog>().Find("meta")!, null, CancellationToken.None);
        var analysis = await app.Get<Domain.Analysis.ChannelAnalysisService>().AnalyzeAsync("meta", CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Contains(server.Requests, r => r.PathAndQuery.Contains(kind == "instagram" ? "hidden" : "is_hidden", StringComparison.Ordinal));
        Assert.Equal(ItemState.Hidden, (await StoredAsync(app, "meta", "c1"))!.State);
        Assert.Equal(1, analysis.Snapshot.OpenCount);
        Assert.Equal(["c2"], (await app.Get<IOpenCommentStore>().GetAsync("meta", CancellationToken.None)).Select(o => o.Item.Id));
    }

    /// <summary>
    /// Reddit keeps a deleted comment in its tree as a placeholder whose author and body read <c>[deleted]</c>, and a
    /// moderator's removal as <c>[removed]</c> (https://github.com/reddit-archive/reddit/wiki/JSON). Reddit's Data API
    /// terms ask that content deleted from Reddit be removed: the whole row goes.
    /// </summary>
    [Fact]
    public async Task A_comment_deleted_on_reddit_leaves_storage_entirely()
    {
        var now = DateTimeOffset.UtcNow;
        var deleted = false;
        JsonObject Thing(string kind, string id, string author, DateTimeOffset at, string? body, string? parent = null) => new()
        {
            ["kind"] = kind,
            ["data"] = new JsonObject
            {
                ["name"] = $"{kind}_{id}", ["id"] = id, ["author"] = author, ["created_utc"] = at.ToUnixTimeSeconds(), ["body"] = body,
                ["title"] = kind == "t3" ? "Launch" : null, ["parent_id"] = parent, ["permalink"] = $"/r/acme/comments/sub1/x/{id}/", ["replies"] = "",
            },
        };
        string Listing(params JsonObject[] things) => new JsonObject { ["kind"] = "Listing", ["data"] = new JsonObject { ["children"] = new JsonArray(things), ["after"] = null } }.ToJsonString();
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value switch
        {
            "/user/acme/overview" => Feed.Write(ctx, Listing(Thing("t3", "sub1", "acme", now.AddHours(-5), null))),
            "/comments/sub1" => Feed.Write(ctx, "[" + Listing(Thing("t3", "sub1", "acme", now.AddHours(-5), null)) + "," + Listing(deleted
                ? Thing("t1", "c1", "[deleted]", now.AddHours(-4), "[deleted]", "t3_sub1")
                : Thing("t1", "c1", "angryfan", now.AddHours(-4), "This product is a scam", "t3_sub1")) + "]"),
            _ => Feed.Write(ctx, "{\"kind\":\"Listing\",\"data\":{\"children\":[],\"after\":null}}"),
        };
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>(NoReadCache)
        {
            ["Monitor:Channels:0:Id"] = "rd",
            ["Monitor:Channels:0:Kind"] = "reddit",
            ["Monitor:Channels:0:Settings:apiUrl"] = server.BaseAddress.ToString(),
            ["Monitor:Channels:0:Settings:username"] = "acme",
            ["Monitor:Channels:0:BrandAuthorIds:0"] = "acme",
            ["Monitor:Channels:0:AccessToken"] = "reddit-bearer-token",
        });
        var channel = app.Get<IChannelCatalog>().Find("rd")!;
        await app.Get<ChannelPoller>().PollChannelAsync(channel, null, CancellationToken.None);
        await app.Get<Domain.Analysis.ChannelAnalysisService>().AnalyzeAsync("rd", CancellationToken.None);
        Assert.NotNull(await StoredAsync(app, "rd", "t1_c1"));
        Assert.Single((await app.GetJsonAsync("/api/unanswered?channel=rd"))["items"]!.AsArray());

        deleted = true;
        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(channel, (await app.Get<IChannelStateStore>().GetAsync("rd", CancellationToken.None))!.Cursor, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Null(await StoredAsync(app, "rd", "t1_c1"));
        Assert.Empty((await app.GetJsonAsync("/api/unanswered?channel=rd"))["items"]!.AsArray());
    }

    /// <summary>
    /// A brand post deleted on Bluesky: its thread, read again, answers 400 NotFound, and a reply deleted under it
    /// shows as <c>app.bsky.feed.defs#notFoundPost</c> with its <c>uri</c> (lexicons/app/bsky/feed/defs.json). Both are
    /// stored as deleted, without text or author.
    /// </summary>
    [Fact]
    public async Task Bluesky_tombstones_in_a_reread_thread_delete_the_stored_posts()
    {
        const string Brand = "did:plc:brand";
        var now = DateTimeOffset.UtcNow;
        JsonObject Post(string rkey, string did, DateTimeOffset at, string text, string? parent = null)
        {
            var record = new JsonObject { ["$type"] = "app.bsky.feed.post", ["text"] = text, ["createdAt"] = at.ToString("O", CultureInfo.InvariantCulture) };
            if (parent is not null)
            {
                var reference = new JsonObject { ["uri"] = $"at://{Brand}/app.bsky.feed.post/{parent}", ["cid"] = "bafy" };
                record["reply"] = new JsonObject { ["root"] = reference.DeepClone(), ["parent"] = reference };
            }

            return new JsonObject { ["uri"] = $"at://{did}/app.bsky.feed.post/{rkey}", ["cid"] = "bafy" + rkey, ["author"] = new JsonObject { ["did"] = did, ["handle"] = "h.bsky.social" }, ["record"] = record, ["indexedAt"] = at.ToString("O", CultureInfo.InvariantCulture) };
        }

        var stage = 0;
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value switch
        {
            "/xrpc/app.bsky.feed.getAuthorFeed" => Feed.Write(ctx, new JsonObject { ["feed"] = new JsonArray(new JsonObject { ["post"] = Post("root", Brand, now.AddHours(-3), "Launch") }) }.ToJsonString()),
            "/xrpc/app.bsky.feed.getPostThread" => stage switch
            {
                0 => Feed.Write(ctx, new JsonObject { ["thread"] = new JsonObject { ["$type"] = "app.bsky.feed.defs#threadViewPost", ["post"] = Post("root", Brand, now.AddHours(-3), "Launch"), ["replies"] = new JsonArray(new JsonObject { ["$type"] = "app.bsky.feed.defs#threadViewPost", ["post"] = Post("r1", "did:plc:fan", now.AddHours(-2), "Broken on arrival", "root") }) } }.ToJsonString()),
                1 => Feed.Write(ctx, new JsonObject { ["thread"] = new JsonObject { ["$type"] = "app.bsky.feed.defs#threadViewPost", ["post"] = Post("root", Brand, now.AddHours(-3), "Launch"), ["replies"] = new JsonArray(new JsonObject { ["$type"] = "app.bsky.feed.defs#notFoundPost", ["uri"] = "at://did:plc:fan/app.bsky.feed.post/r1", ["notFound"] = true }) } }.ToJsonString()),
                _ => Feed.Write(ctx, "{\"error\":\"NotFound\",\"message\":\"Post not found: at://did:plc:brand/app.bsky.feed.post/root\"}", 400),
            },
            _ => Feed.Write(ctx, "{}", 404),
        };
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>(NoReadCache)
        {
            ["Monitor:Channels:0:Id"] = "sky",
            ["Monitor:Channels:0:Kind"] = "bluesky",
            ["Monitor:Channels:0:Settings:serviceUrl"] = server.BaseAddress.ToString(),
            ["Monitor:Channels:0:Settings:actor"] = "brand.bsky.social",
            ["Monitor:Channels:0:BrandAuthorIds:0"] = Brand,
        });
        var channel = app.Get<IChannelCatalog>().Find("sky")!;
        const string Reply = "at://did:plc:fan/app.bsky.feed.post/r1";
        const string Root = "at://did:plc:brand/app.bsky.feed.post/root";

        Assert.True((await app.Get<ChannelPoller>().PollChannelAsync(channel, null, CancellationToken.None)).Succeeded);
        Assert.Equal("Broken on arrival", (await StoredAsync(app, "sky", Reply))!.Text);

        stage = 1;
        Assert.True((await app.Get<ChannelPoller>().PollChannelAsync(channel, null, CancellationToken.None)).Succeeded);
        var reply = await StoredAsync(app, "sky", Reply);
        Assert.Equal((ItemState.Deleted, "", ItemRules.DeletedAuthor), (reply!.State, reply.Text, reply.AuthorId));

        stage = 2;
        Assert.True((await app.Get<ChannelPoller>().PollChannelAsync(channel, null, CancellationToken.None)).Succeeded);
        Assert.Equal(ItemState.Deleted, (await StoredAsync(app, "sky", Root))!.State);
    }

    /// <summary>
    /// An edited X post is a new post id whose <c>edit_history_tweet_ids</c> starts with the original's
    /// (https://docs.x.com/x-api/fundamentals/edit-posts). It replaces the original, keeping the original's time (its
    /// Snowflake id, https://docs.x.com/resources/fundamentals/x-ids), instead of being stored as a second comment.
    /// </summary>
    [Fact]
    public async Task An_edited_x_post_replaces_the_original_instead_of_duplicating_it()
    {
        // Snowflake ids made for the times: (ms since the X epoch) << 22.
        static string Id(DateTimeOffset at) => ((at.ToUnixTimeMilliseconds() - 1_288_834_974_657) << 22).ToString(CultureInfo.InvariantCulture);
        var asked = DateTimeOffset.UtcNow.AddMinutes(-40);
        var original = Id(asked);
        var edit = Id(asked.AddMinutes(10));
        string Tweet(string id, DateTimeOffset at, string text, params string[] history) =>
            $"{{\"id\":\"{id}\",\"text\":\"{text}\",\"author_id\":\"77\",\"created_at\":\"{at.ToString("O", CultureInfo.InvariantCulture)}\",\"edit_history_tweet_ids\":[{string.Join(',', history.Select(h => $"\"{h}\""))}]}}";
        var edited = false;
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => Feed.Write(ctx, ctx.Request.Path.Value!.EndsWith("/mentions", StringComparison.Ordinal)
            ? $"{{\"data\":[{(edited ? Tweet(edit, asked.AddMinutes(10), "@acme where is my order #1234?", original, edit) : Tweet(original, asked, "@acme where is my order?", original))}],\"meta\":{{\"result_count\":1,\"newest_id\":\"{(edited ? edit : original)}\"}}}}"
            : "{\"meta\":{\"result_count\":0}}");
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>(NoReadCache)
        {
            ["Monitor:Channels:0:Id"] = "x",
            ["Monitor:Channels:0:Kind"] = "x",
            ["Monitor:Channels:0:Settings:apiUrl"] = server.BaseAddress.ToString(),
            ["Monitor:Channels:0:Settings:userId"] = "3001960000",
            ["Monitor:Channels:0:BrandAuthorIds:0"] = "3001960000",
            ["Monitor:Channels:0:AccessToken"] = "x-bearer-token",
        });
        var channel = app.Get<IChannelCatalog>().Find("x")!;

        await app.Get<ChannelPoller>().PollChannelAsync(channel, null, CancellationToken.None);
        edited = true;
        await app.Get<ChannelPoller>().PollChannelAsync(channel, null, CancellationToken.None);
        var analysis = await app.Get<Domain.Analysis.ChannelAnalysisService>().AnalyzeAsync("x", CancellationToken.None);

        Assert.Contains(server.Requests, r => r.PathAndQuery.Contains("edit_history_tweet_ids", StringComparison.Ordinal));
        Assert.Equal(1, analysis.Snapshot.OpenCount);
        var open = Assert.Single(await app.Get<IOpenCommentStore>().GetAsync("x", CancellationToken.None));
        Assert.Equal((original, "@acme where is my order #1234?"), (open.Item.Id, open.Item.Text));
        Assert.Equal(asked.ToUnixTimeMilliseconds(), open.Item.CreatedAt.ToUnixTimeMilliseconds());
        Assert.Null(await StoredAsync(app, "x", edit));
    }
}
