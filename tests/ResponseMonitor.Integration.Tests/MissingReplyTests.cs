using System.Globalization;
using System.Text.Json.Nodes;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// A stored reply missing from a complete re-read of its thread is deleted (docs/CHANNELS.md, "Deleted, hidden and
/// edited"): platforms drop a deleted reply without a tombstone when nothing hangs under it. A read that may have been
/// cut (a platform's cap, a depth limit, a collapsed branch left unexpanded, an unreadable tree) deletes nothing.
/// </summary>
public sealed class MissingReplyTests
{
    private static async Task<ContentItem?> StoredAsync(TestApp app, string channelId, string id) =>
        (await app.Get<IItemStore>().GetAsync(channelId, [id], CancellationToken.None)).GetValueOrDefault(id);

    private static async Task PollAsync(TestApp app, string channelId)
    {
        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(app.Get<IChannelCatalog>().Find(channelId)!, null, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error);
    }

    /// <summary>
    /// Mastodon's <c>GET /api/v1/statuses/:id/context</c> lists every descendant, up to 4,096 for a signed-in caller
    /// and 60 (20 levels deep) for an anonymous one (mastodon/mastodon app/controllers/api/v1/statuses_controller.rb,
    /// CONTEXT_LIMIT and DESCENDANTS_LIMIT; https://docs.joinmastodon.org/methods/statuses/#context).
    /// </summary>
    [Fact]
    public async Task Mastodon_a_reply_gone_from_a_whole_context_is_deleted_and_a_capped_context_deletes_nothing()
    {
        const string Brand = "900";
        var t0 = DateTimeOffset.UtcNow.AddHours(-5);
        JsonObject Status(string id, string account, DateTimeOffset at, string text, string? replyTo = null) => new()
        {
            ["id"] = id, ["created_at"] = at.ToString("O", CultureInfo.InvariantCulture), ["in_reply_to_id"] = replyTo, ["visibility"] = "public",
            ["content"] = $"<p>{text}</p>", ["url"] = $"https://social.example/@x/{id}", ["account"] = new JsonObject { ["id"] = account, ["acct"] = "user" + account },
        };
        var post = Status("1000", Brand, t0, "Our new app is live");
        var descendants = new JsonArray(Status("1001", "77", t0.AddMinutes(10), "It crashes", "1000"), Status("1002", "78", t0.AddMinutes(20), "Same here, a scam", "1001"));
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => Feed.Write(ctx, ctx.Request.Path.Value!.EndsWith("/context", StringComparison.Ordinal)
            ? new JsonObject { ["ancestors"] = new JsonArray(), ["descendants"] = descendants.DeepClone() }.ToJsonString()
            : new JsonArray(post.DeepClone()).ToJsonString());
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Monitor:Channels:0:Id"] = "masto",
            ["Monitor:Channels:0:Kind"] = ChannelKinds.Mastodon,
            ["Monitor:Channels:0:Settings:instanceUrl"] = server.BaseAddress.ToString(),
            ["Monitor:Channels:0:Settings:accountId"] = Brand,
            ["Monitor:Channels:0:BrandAuthorIds:0"] = Brand,
        });

        await PollAsync(app, "masto");
        Assert.Equal("Same here, a scam", (await StoredAsync(app, "masto", "1002"))!.Text);

        // Anonymous and at the cap of 60: the answer may have been cut, so the missing 1002 stays.
        descendants = new JsonArray([Status("1001", "77", t0.AddMinutes(10), "It crashes", "1000"), .. Enumerable.Range(0, 59).Select(i => (JsonNode)Status($"2{i:D3}", "79", t0.AddMinutes(30 + i), "me too", "1000"))]);
        await PollAsync(app, "masto");
        Assert.Equal("Same here, a scam", (await StoredAsync(app, "masto", "1002"))!.Text);

        // Under the cap, whole: 1002 was deleted on the instance.
        descendants = new JsonArray(Status("1001", "77", t0.AddMinutes(10), "It crashes", "1000"));
        await PollAsync(app, "masto");
        var gone = await StoredAsync(app, "masto", "1002");
        Assert.Equal((ItemState.Deleted, "", ItemRules.DeletedAuthor), (gone!.State, gone.Text, gone.AuthorId));
        Assert.Equal(ItemState.Visible, (await StoredAsync(app, "masto", "1001"))!.State);
    }

    /// <summary>
    /// Reddit's <c>GET /comments/{article}</c> answers [submission Listing, comment Listing] with collapsed branches as
    /// <c>more</c> stubs that <c>/api/morechildren</c> expands (https://www.reddit.com/dev/api/#GET_comments_{article},
    /// #GET_api_morechildren); a deleted comment with no replies is simply absent. Reddit's Data API terms ask that
    /// deleted content leave storage, so its row goes.
    /// </summary>
    [Fact]
    public async Task Reddit_a_comment_gone_from_a_whole_tree_leaves_storage_and_a_cut_or_unreadable_tree_deletes_nothing()
    {
        var now = DateTimeOffset.UtcNow;
        JsonObject Thing(string kind, string id, string author, DateTimeOffset at, string? parent = null) => new()
        {
            ["kind"] = kind,
            ["data"] = new JsonObject
            {
                ["name"] = $"{kind}_{id}", ["id"] = id, ["author"] = author, ["created_utc"] = at.ToUnixTimeSeconds(), ["body"] = kind == "t1" ? "comment " + id : null,
                ["title"] = kind == "t3" ? "Launch" : null, ["parent_id"] = parent, ["permalink"] = $"/r/acme/comments/sub1/x/{id}/", ["replies"] = "",
            },
        };
        static string Listing(params JsonNode[] things) => new JsonObject { ["kind"] = "Listing", ["data"] = new JsonObject { ["children"] = new JsonArray(things), ["after"] = null } }.ToJsonString();
        var submission = Thing("t3", "sub1", "acme", now.AddHours(-5));
        var c1 = Thing("t1", "c1", "fan1", now.AddHours(-4), "t3_sub1");
        var c2 = Thing("t1", "c2", "fan2", now.AddHours(-3), "t3_sub1");
        var mode = "both";
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value switch
        {
            "/user/acme/overview" => Feed.Write(ctx, Listing(submission.DeepClone())),
            "/comments/sub1" => mode switch
            {
                "both" => Feed.Write(ctx, "[" + Listing(submission.DeepClone()) + "," + Listing(c1.DeepClone(), c2.DeepClone()) + "]"),
                "unreadable" => Feed.Write(ctx, "{\"message\":\"Not Found\",\"error\":404}", 404),
                // 150 collapsed replies: one expansion (Connectors:MaxPagesPerPoll = 1) takes 100, the rest stays unread.
                "cut" => Feed.Write(ctx, "[" + Listing(submission.DeepClone()) + "," + Listing(c1.DeepClone(), new JsonObject
                {
                    ["kind"] = "more",
                    ["data"] = new JsonObject { ["count"] = 150, ["name"] = "t1_more", ["id"] = "more", ["parent_id"] = "t3_sub1", ["children"] = new JsonArray([.. Enumerable.Range(0, 150).Select(i => (JsonNode)$"x{i}")]) },
                }) + "]"),
                _ => Feed.Write(ctx, "[" + Listing(submission.DeepClone()) + "," + Listing(c1.DeepClone()) + "]"),
            },
            "/api/morechildren" => Feed.Write(ctx, "{\"json\":{\"errors\":[],\"data\":{\"things\":[]}}}"),
            _ => Feed.Write(ctx, Listing()),
        };
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Monitor:Channels:0:Id"] = "rd",
            ["Monitor:Channels:0:Kind"] = ChannelKinds.Reddit,
            ["Monitor:Channels:0:Settings:apiUrl"] = server.BaseAddress.ToString(),
            ["Monitor:Channels:0:Settings:username"] = "acme",
            ["Monitor:Channels:0:BrandAuthorIds:0"] = "acme",
            ["Monitor:Channels:0:AccessToken"] = "reddit-bearer-token",
            ["Connectors:MaxPagesPerPoll"] = "1",
        });

        await PollAsync(app, "rd");
        Assert.NotNull(await StoredAsync(app, "rd", "t1_c2"));

        foreach (var partial in new[] { "unreadable", "cut" })
        {
            mode = partial;
            await app.Get<ChannelPoller>().PollChannelAsync(app.Get<IChannelCatalog>().Find("rd")!, null, CancellationToken.None);
            Assert.NotNull(await StoredAsync(app, "rd", "t1_c2"));
        }

        mode = "one";
        await PollAsync(app, "rd");
        Assert.Null(await StoredAsync(app, "rd", "t1_c2"));
        Assert.NotNull(await StoredAsync(app, "rd", "t1_c1"));
    }

    /// <summary>
    /// Bluesky's <c>app.bsky.feed.getPostThread</c> returns replies down to <c>depth</c> (lexicons/app/bsky/feed/getPostThread.json);
    /// a reply deleted with nothing under it is left out, not shown as a notFoundPost. A thread that reaches the depth
    /// asked for may hold more below, so it deletes nothing.
    /// </summary>
    [Fact]
    public async Task Bluesky_a_reply_gone_from_a_whole_thread_is_deleted_and_a_thread_at_the_depth_limit_deletes_nothing()
    {
        const string Brand = "did:plc:brand";
        var now = DateTimeOffset.UtcNow;
        JsonObject Post(string rkey, string did, DateTimeOffset at, string text, string? parent = null)
        {
            var record = new JsonObject { ["$type"] = "app.bsky.feed.post", ["text"] = text, ["createdAt"] = at.ToString("O", CultureInfo.InvariantCulture) };
            if (parent is not null)
            {
                var reference = new JsonObject { ["uri"] = parent, ["cid"] = "bafy" };
                record["reply"] = new JsonObject { ["root"] = new JsonObject { ["uri"] = $"at://{Brand}/app.bsky.feed.post/root", ["cid"] = "bafy" }, ["parent"] = reference };
            }

            return new JsonObject { ["uri"] = $"at://{did}/app.bsky.feed.post/{rkey}", ["cid"] = "bafy" + rkey, ["author"] = new JsonObject { ["did"] = did, ["handle"] = "h.bsky.social" }, ["record"] = record, ["indexedAt"] = at.ToString("O", CultureInfo.InvariantCulture) };
        }

        const string Root = $"at://{Brand}/app.bsky.feed.post/root";
        JsonObject View(JsonObject post, params JsonObject[] replies) => new() { ["$type"] = "app.bsky.feed.defs#threadViewPost", ["post"] = post.DeepClone(), ["replies"] = new JsonArray(replies) };
        JsonObject Chain(int levels, int level = 1) => View(Post($"deep{level}", "did:plc:d", now.AddHours(-2), "deeper", level == 1 ? Root : $"at://did:plc:d/app.bsky.feed.post/deep{level - 1}"), level < levels ? [Chain(levels, level + 1)] : []);
        var r1 = Post("r1", "did:plc:fan", now.AddHours(-2), "Broken on arrival", Root);
        var r2 = Post("r2", "did:plc:two", now.AddHours(-2), "Refund me", Root);
        var thread = View(Post("root", Brand, now.AddHours(-3), "Launch"), View(r1), View(r2));
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value switch
        {
            "/xrpc/app.bsky.feed.getAuthorFeed" => Feed.Write(ctx, new JsonObject { ["feed"] = new JsonArray(new JsonObject { ["post"] = Post("root", Brand, now.AddHours(-3), "Launch") }) }.ToJsonString()),
            "/xrpc/app.bsky.feed.getPostThread" => Feed.Write(ctx, new JsonObject { ["thread"] = thread.DeepClone() }.ToJsonString()),
            _ => Feed.Write(ctx, "{}", 404),
        };
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Monitor:Channels:0:Id"] = "sky",
            ["Monitor:Channels:0:Kind"] = ChannelKinds.Bluesky,
            ["Monitor:Channels:0:Settings:serviceUrl"] = server.BaseAddress.ToString(),
            ["Monitor:Channels:0:Settings:actor"] = "brand.bsky.social",
            ["Monitor:Channels:0:BrandAuthorIds:0"] = Brand,
        });
        const string R2 = "at://did:plc:two/app.bsky.feed.post/r2";

        await PollAsync(app, "sky");
        Assert.Equal("Refund me", (await StoredAsync(app, "sky", R2))!.Text);

        // r2 is gone, but a branch reaches depth 20, where the appview stops: the read may be cut.
        thread = View(Post("root", Brand, now.AddHours(-3), "Launch"), View(r1), Chain(20));
        await PollAsync(app, "sky");
        Assert.Equal("Refund me", (await StoredAsync(app, "sky", R2))!.Text);

        // Whole, and r2 is not in it.
        thread = View(Post("root", Brand, now.AddHours(-3), "Launch"), View(r1), Chain(3));
        await PollAsync(app, "sky");
        var gone = await StoredAsync(app, "sky", R2);
        Assert.Equal((ItemState.Deleted, "", ItemRules.DeletedAuthor), (gone!.State, gone.Text, gone.AuthorId));
        Assert.Equal(ItemState.Visible, (await StoredAsync(app, "sky", "at://did:plc:fan/app.bsky.feed.post/r1"))!.State);
    }
}
