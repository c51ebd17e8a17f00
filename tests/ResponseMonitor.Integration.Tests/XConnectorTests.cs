using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>The X connector against a loopback API v2: the documented conversation, recorded responses and rate limits.</summary>
public sealed class XConnectorTests
{
    private const string Brand = "3001960000";

    private static Dictionary<string, string?> Channel(LoopbackServer server, int index = 0, string id = "x") => new()
    {
        [$"Monitor:Channels:{index}:Id"] = id,
        [$"Monitor:Channels:{index}:Kind"] = "x",
        [$"Monitor:Channels:{index}:Settings:apiUrl"] = server.BaseAddress.ToString(),
        [$"Monitor:Channels:{index}:Settings:userId"] = Brand,
        [$"Monitor:Channels:{index}:BrandAuthorIds:0"] = Brand,
        [$"Monitor:Channels:{index}:AccessToken"] = "x-bearer-token",
    };

    private static ChannelDefinition Definition(TestApp app, string id = "x") => app.Get<IChannelCatalog>().Find(id)!;

    [Fact]
    public async Task The_documented_conversation_maps_replies_authors_and_links()
    {
        var thread = Fixtures.Load("x_twitter_docs/conversation_thread_example.json").ToJsonString();
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => Feed.Write(ctx, ctx.Request.Path.Value!.EndsWith("/mentions", StringComparison.Ordinal) ? thread : "{\"meta\":{\"result_count\":0}}");
        await using var app = await TestApp.StartAsync(Channel(server));

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(4, outcome.ItemsStored);
        var mentions = server.Requests.First();
        Assert.Contains("tweet.fields=created_at,author_id,conversation_id", mentions.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("Bearer x-bearer-token", mentions.Authorization);
        var reply = (await app.Get<IItemStore>().GetAsync("x", ["1280169177479744444"], CancellationToken.None)).Values.Single();
        Assert.Equal(("1280155225706433333", "63044444", "@ThirdPerson333 @OriginalPerson000 Reply to the third reply!"), (reply.ParentId, reply.AuthorId, reply.Text));
        var first = (await app.Get<IItemStore>().GetAsync("x", ["1279945722494811111"], CancellationToken.None)).Values.Single();
        Assert.Equal(("First person", "https://x.com/FirstPerson111/status/1279945722494811111"), (first.AuthorName, first.Url));
    }

    [Fact]
    public async Task Recorded_mentions_without_fields_are_survived_and_since_id_walks_next_token_pages()
    {
        var recorded = Fixtures.Load("x_twitter_tweepy/test_client_get_users_mentions.json")["interactions"]![0]!;
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            if (!ctx.Request.Path.Value!.EndsWith("/mentions", StringComparison.Ordinal) || ctx.Request.Query.ContainsKey("pagination_token"))
            {
                return Feed.Write(ctx, "{\"meta\":{\"result_count\":0}}");
            }

            foreach (var (name, values) in recorded["response_headers"]!.AsObject())
            {
                if (name.StartsWith("x-rate-limit", StringComparison.Ordinal))
                {
                    ctx.Response.Headers[name] = values![0]!.GetValue<string>();
                }
            }

            return Feed.Write(ctx, recorded["response_json"]!.ToJsonString());
        };
        await using var app = await TestApp.StartAsync(Channel(server));

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), "{\"mentionsSince\":\"1578516000000000000\"}", CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(0, outcome.ItemsStored);   // the recorded call asked for no fields: no author, no time
        Assert.Contains(server.Requests, r => r.PathAndQuery.Contains("since_id=1578516000000000000", StringComparison.Ordinal));
        Assert.Contains(server.Requests, r => r.PathAndQuery.Contains("pagination_token=7140dibdnow9c7btw423i3sy3u5zupmkcpofxcsmxj48j", StringComparison.Ordinal));
        var state = await app.Get<IChannelStateStore>().GetAsync("x", CancellationToken.None);
        Assert.Equal("1578516295611748353", JsonNode.Parse(state!.Cursor!)!["mentionsSince"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_new_brand_post_has_its_conversation_searched()
    {
        var now = DateTimeOffset.UtcNow;
        static JsonObject Tweet(string id, string author, DateTimeOffset at, string text, string? repliedTo = null) => new()
        {
            ["id"] = id, ["author_id"] = author, ["created_at"] = at.ToString("O", CultureInfo.InvariantCulture), ["text"] = text, ["conversation_id"] = "500",
            ["referenced_tweets"] = repliedTo is null ? null : new JsonArray(new JsonObject { ["type"] = "replied_to", ["id"] = repliedTo }),
        };
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value switch
        {
            $"/2/users/{Brand}/tweets" => Feed.Write(ctx, new JsonObject { ["data"] = new JsonArray(Tweet("500", Brand, now.AddHours(-2), "Big launch today")), ["meta"] = new JsonObject { ["newest_id"] = "500" } }.ToJsonString()),
            "/2/tweets/search/recent" when ctx.Request.Query["query"] == "conversation_id:500" =>
                Feed.Write(ctx, new JsonObject { ["data"] = new JsonArray(Tweet("502", "42", now.AddHours(-1), "Cannot log in since the update, worst launch", "501"), Tweet("501", "41", now.AddMinutes(-90), "Which update?", "500")) }.ToJsonString()),
            _ => Feed.Write(ctx, "{\"meta\":{\"result_count\":0}}"),
        };
        await using var app = await TestApp.StartAsync(Channel(server));

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(3, outcome.ItemsStored);
        var deep = (await app.Get<IItemStore>().GetAsync("x", ["502"], CancellationToken.None)).Values.Single();
        Assert.Equal("501", deep.ThreadId);
    }

    /// <summary>
    /// Replies keep coming after the poll that saw the brand's post: its conversation is searched again on later polls
    /// while the post is inside the look-back, each time from the newest reply read (since_id, as the recent search
    /// endpoint documents: https://docs.x.com/x-api/posts/search/introduction), so nothing is read twice.
    /// </summary>
    [Fact]
    public async Task Later_replies_in_a_brand_conversation_are_found_from_the_newest_read()
    {
        var now = DateTimeOffset.UtcNow;
        static JsonObject Tweet(string id, string author, DateTimeOffset at, string text, string repliedTo) => new()
        {
            ["id"] = id, ["author_id"] = author, ["created_at"] = at.ToString("O", CultureInfo.InvariantCulture), ["text"] = text, ["conversation_id"] = "700",
            ["referenced_tweets"] = new JsonArray(new JsonObject { ["type"] = "replied_to", ["id"] = repliedTo }),
        };
        var replies = new List<JsonObject> { Tweet("701", "41", now.AddMinutes(-90), "Which colours?", "700") };
        var searches = new List<string>();
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            if (ctx.Request.Path.Value == $"/2/users/{Brand}/tweets" && !ctx.Request.Query.ContainsKey("since_id"))
            {
                var post = new JsonObject { ["id"] = "700", ["author_id"] = Brand, ["created_at"] = now.AddHours(-2).ToString("O", CultureInfo.InvariantCulture), ["text"] = "New colours", ["conversation_id"] = "700" };
                return Feed.Write(ctx, new JsonObject { ["data"] = new JsonArray(post), ["meta"] = new JsonObject { ["newest_id"] = "700" } }.ToJsonString());
            }

            if (ctx.Request.Path.Value == "/2/tweets/search/recent")
            {
                var since = ctx.Request.Query["since_id"].FirstOrDefault();
                searches.Add(since ?? "-");
                var fresh = replies.Where(r => since is null || string.CompareOrdinal(r["id"]!.GetValue<string>(), since) > 0).Select(r => (JsonNode)r.DeepClone()).ToList();
                return Feed.Write(ctx, fresh.Count == 0
                    ? "{\"meta\":{\"result_count\":0}}"
                    : new JsonObject { ["data"] = new JsonArray([.. fresh]), ["meta"] = new JsonObject { ["newest_id"] = fresh[^1]!["id"]!.GetValue<string>(), ["result_count"] = fresh.Count } }.ToJsonString());
            }

            return Feed.Write(ctx, "{\"meta\":{\"result_count\":0}}");
        };
        await using var app = await TestApp.StartAsync(Channel(server));
        var poller = app.Get<ChannelPoller>();
        async Task<PollOutcome> PollAsync() => await poller.PollChannelAsync(Definition(app), (await app.Get<IChannelStateStore>().GetAsync("x", CancellationToken.None))?.Cursor, CancellationToken.None);

        Assert.True((await PollAsync()).Succeeded);
        replies.Add(Tweet("702", "42", now.AddMinutes(-10), "Still waiting for my order from last week", "701"));
        var second = await PollAsync();
        var third = await PollAsync();

        Assert.True(second.Succeeded, second.Error);
        Assert.NotNull((await app.Get<IItemStore>().GetAsync("x", ["702"], CancellationToken.None)).GetValueOrDefault("702"));
        Assert.Equal(["-", "701", "702"], searches);
        Assert.Equal(0, third.ItemsStored);
    }

    [Fact]
    public async Task A_rate_limit_pauses_that_channel_only_until_the_reset()
    {
        var reset = DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds();
        await using var limited = await LoopbackServer.StartAsync();
        limited.Handler = ctx =>
        {
            ctx.Response.Headers["x-rate-limit-remaining"] = "0";
            ctx.Response.Headers["x-rate-limit-reset"] = reset.ToString(CultureInfo.InvariantCulture);
            return Feed.Write(ctx, "{\"title\":\"Too Many Requests\"}", StatusCodes.Status429TooManyRequests);
        };
        await using var healthy = await LoopbackServer.StartAsync();
        healthy.Handler = ctx => Feed.Write(ctx, "{\"meta\":{\"result_count\":0}}");
        await using var app = await TestApp.StartAsync(TestApp.Merge(Channel(limited, 0, "limited"), Channel(healthy, 1, "healthy")));
        var poller = app.Get<ChannelPoller>();

        var first = await poller.PollAllAsync(CancellationToken.None);
        var limitedRequests = limited.Requests.Count;
        var second = await poller.PollAllAsync(CancellationToken.None);

        Assert.Contains("rate-limited", first.Channels.Single(c => c.ChannelId == "limited").Error, StringComparison.Ordinal);
        Assert.Equal(limitedRequests, limited.Requests.Count);             // paused: not asked again
        Assert.True(second.Channels.Single(c => c.ChannelId == "healthy").Succeeded);
        Assert.True(healthy.Requests.Count >= 4);                           // polled both times
        var state = await app.Get<IChannelStateStore>().GetAsync("limited", CancellationToken.None);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(reset), state!.PausedUntil);
        var dashboard = await app.GetJsonAsync("/api/channels/limited");
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(reset), dashboard["channel"]!["pausedUntil"]!.GetValue<DateTimeOffset>());
    }

    /// <summary>
    /// A spent monthly usage cap answers 429 with the problem type …/problems/usage-capped, title UsageCapExceeded and
    /// period Monthly, while <c>x-rate-limit-remaining</c> is still high
    /// (https://docs.x.com/x-api/fundamentals/response-codes-and-errors, "Problem types"). It is a quota until the
    /// billing period ends, not a 15-minute window: the channel is paused for a day, not retried every window.
    /// </summary>
    [Fact]
    public async Task A_spent_monthly_usage_cap_is_a_quota_not_a_fifteen_minute_rate_limit()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            ctx.Response.Headers["x-rate-limit-limit"] = "450";
            ctx.Response.Headers["x-rate-limit-remaining"] = "449";
            ctx.Response.Headers["x-rate-limit-reset"] = time.GetUtcNow().AddMinutes(15).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            return Feed.Write(ctx, "{\"account_id\":1234567890,\"product_name\":\"standard-basic\",\"title\":\"UsageCapExceeded\",\"period\":\"Monthly\",\"scope\":\"Product\",\"detail\":\"Usage cap exceeded: Monthly product cap\",\"type\":\"https://api.twitter.com/2/problems/usage-capped\"}", StatusCodes.Status429TooManyRequests);
        };
        await using var app = await TestApp.StartAsync(Channel(server), time);

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("monthly usage cap is spent", outcome.Error, StringComparison.Ordinal);
        var state = await app.Get<IChannelStateStore>().GetAsync("x", CancellationToken.None);
        Assert.Equal(time.GetUtcNow().AddDays(1), state!.PausedUntil);
        Assert.False(state.CredentialsRejected);
        Assert.Equal("paused", (await app.GetJsonAsync("/api/dashboard"))["channels"]![0]!["pollState"]!.GetValue<string>());
    }

    /// <summary>
    /// Timelines list newest first and a walk goes down next_token pages to since_id; one cut at
    /// Connectors:MaxPagesPerPoll has not read the pages between, so since_id must not move to meta.newest_id
    /// (https://docs.x.com/x-api/fundamentals/pagination).
    /// </summary>
    [Fact]
    public async Task A_walk_cut_at_the_page_limit_keeps_since_id()
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O", CultureInfo.InvariantCulture);
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => Feed.Write(ctx, ctx.Request.Path.Value!.EndsWith("/mentions", StringComparison.Ordinal)
            ? "{\"data\":[{\"id\":\"900\",\"text\":\"@acme help\",\"author_id\":\"77\",\"created_at\":\"" + at + "\"}],\"meta\":{\"newest_id\":\"900\",\"oldest_id\":\"900\",\"result_count\":1,\"next_token\":\"older\"}}"
            : "{\"meta\":{\"result_count\":0}}");
        var settings = Channel(server);
        settings["Connectors:MaxPagesPerPoll"] = "1";
        await using var app = await TestApp.StartAsync(settings);

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), "{\"mentionsSince\":\"100\"}", CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(1, outcome.ItemsStored);
        var cursor = JsonNode.Parse((await app.Get<IChannelStateStore>().GetAsync("x", CancellationToken.None))!.Cursor!)!;
        Assert.Equal("100", cursor["mentionsSince"]!.GetValue<string>());
    }
}
