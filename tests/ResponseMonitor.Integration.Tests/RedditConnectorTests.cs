using System.Text.Json.Nodes;
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
        await using var app = await TestApp.StartAsync(Channel(server, "bboe"));

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
}
