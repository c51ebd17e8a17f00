using Microsoft.Extensions.Time.Testing;
using System.Globalization;
using System.Text.Json.Nodes;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>The YouTube connector against a loopback Data API v3: recorded responses and scenarios in the same shapes.</summary>
public sealed class YouTubeConnectorTests
{
    private const string BrandChannel = "UCa-vrCLQHviTOVnEKDOdetQ";
    private const string ApiKey = "AIza-test-key";

    private static Dictionary<string, string?> Channel(LoopbackServer server) => new()
    {
        ["Monitor:Channels:0:Id"] = "yt",
        ["Monitor:Channels:0:Kind"] = "youtube",
        ["Monitor:Channels:0:Settings:apiUrl"] = server.BaseAddress.ToString(),
        ["Monitor:Channels:0:Settings:channelId"] = BrandChannel,
        ["Monitor:Channels:0:BrandAuthorIds:0"] = BrandChannel,
        ["Monitor:Channels:0:AccessToken"] = ApiKey,
    };

    private static string Recorded(string name) => File.ReadAllText(Path.Combine(Fixtures.Folder, "sns-sdks_python-youtube", "apidata", name));

    private static ChannelDefinition Definition(TestApp app) => app.Get<IChannelCatalog>().Find("yt")!;

    /// <summary>
    /// commentThreads.list with allThreadsRelatedToChannelId and comments.list with parentId and pageToken
    /// (https://developers.google.com/youtube/v3/docs/commentThreads/list, https://developers.google.com/youtube/v3/docs/comments/list),
    /// answered with responses recorded from the real API; the key goes in the x-goog-api-key header, which Google's
    /// APIs accept in place of the key= parameter (https://cloud.google.com/docs/authentication/api-keys-use).
    /// </summary>
    [Fact]
    public async Task Recorded_threads_and_paged_replies_are_stored_with_the_key_in_a_header()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value switch
        {
            "/youtube/v3/commentThreads" => Feed.Write(ctx, Recorded("comment_threads/comment_threads_all_to_me.json")),
            "/youtube/v3/comments" when ctx.Request.Query.ContainsKey("pageToken") => Feed.Write(ctx, Recorded("comments/comments_by_parent_paged_2.json")),
            "/youtube/v3/comments" => Feed.Write(ctx, Recorded("comments/comments_by_parent_paged_1.json")),
            _ => Feed.Write(ctx, "{}", 404),
        };
        await using var app = await TestApp.StartAsync(Channel(server));

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(7, outcome.ItemsStored);                        // 4 top-level comments + 3 replies over 2 pages
        Assert.Contains(server.Requests, r => r.PathAndQuery.Contains("parentId=UgwSRpgkjCe6OHHe3IJ4AaABAg", StringComparison.Ordinal));
        Assert.Contains(server.Requests, r => r.PathAndQuery.Contains("pageToken=", StringComparison.Ordinal));
        Assert.All(server.Requests, r => Assert.DoesNotContain(ApiKey, r.PathAndQuery, StringComparison.Ordinal));
        var top = (await app.Get<IItemStore>().GetAsync("yt", ["UgyWeTdgc4sc1xgmbld4AaABAg"], CancellationToken.None)).Values.Single();
        Assert.Equal(("UCNvMBmCASzTNNX8lW3JRMbw", "kun liu", "Hope to go next time. yah!", (string?)null), (top.AuthorId, top.AuthorName, top.Text, top.ParentId));
        Assert.Equal("https://www.youtube.com/watch?v=JE8xdDp5B8Q&lc=UgyWeTdgc4sc1xgmbld4AaABAg", top.Url);
        var state = await app.Get<IChannelStateStore>().GetAsync("yt", CancellationToken.None);
        Assert.Contains("2019-12-01T04:46:31", state!.Cursor, StringComparison.Ordinal);
    }

    /// <summary>
    /// commentThreads.list pages newest first with order=time and hands out nextPageToken
    /// (https://developers.google.com/youtube/v3/docs/commentThreads/list); a thread embeds some replies under
    /// replies.comments and counts them all in snippet.totalReplyCount (https://developers.google.com/youtube/v3/docs/commentThreads).
    /// </summary>
    [Fact]
    public async Task The_brand_reply_answers_its_thread_and_the_walk_stops_at_the_look_back_horizon()
    {
        var now = DateTimeOffset.UtcNow;
        static JsonObject Comment(string id, string author, DateTimeOffset at, string text, string? parent = null) => new()
        {
            ["id"] = id,
            ["snippet"] = new JsonObject
            {
                ["authorDisplayName"] = author, ["authorChannelId"] = new JsonObject { ["value"] = author }, ["videoId"] = "vid1",
                ["textOriginal"] = text, ["parentId"] = parent, ["publishedAt"] = at.ToString("O", CultureInfo.InvariantCulture), ["updatedAt"] = at.ToString("O", CultureInfo.InvariantCulture),
            },
        };
        static JsonObject Thread(JsonObject top, int replies, params JsonObject[] embedded) => new()
        {
            ["id"] = top["id"]!.GetValue<string>(),
            ["snippet"] = new JsonObject { ["videoId"] = "vid1", ["topLevelComment"] = top, ["totalReplyCount"] = replies },
            ["replies"] = new JsonObject { ["comments"] = new JsonArray(embedded) },
        };
        var page1 = new JsonObject
        {
            ["items"] = new JsonArray(
                Thread(Comment("t1", "UCfan", now.AddHours(-6), "The update broke my camera, still waiting for a fix"), 1, Comment("t1.r", BrandChannel, now.AddHours(-5), "Fix ships tomorrow!", "t1")),
                Thread(Comment("t2", "UCfan2", now.AddDays(-2), "Any news on the release date?"), 0)),
            ["nextPageToken"] = "older",
        };
        var page2 = new JsonObject { ["items"] = new JsonArray(Thread(Comment("t3", "UCold", now.AddDays(-30), "Old comment"), 0)), ["nextPageToken"] = "older-still" };
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Query["pageToken"].ToString() switch
        {
            "older" => Feed.Write(ctx, page2.ToJsonString()),
            "older-still" => Feed.Write(ctx, "{}", 500),
            _ => Feed.Write(ctx, page1.ToJsonString()),
        };
        await using var app = await TestApp.StartAsync(Channel(server));
        var cursor = "{\"since\":\"" + now.AddHours(-1).ToString("O", CultureInfo.InvariantCulture) + "\"}";

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), cursor, CancellationToken.None);
        var analysis = await app.Get<ChannelAnalysisService>().AnalyzeAsync("yt", CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(3, outcome.ItemsStored);                        // t1, its brand reply, t2; t3 is past the horizon
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.Contains("older-still", StringComparison.Ordinal));
        Assert.Equal(["t2"], (await app.Get<IOpenCommentStore>().GetAsync("yt", CancellationToken.None)).Select(o => o.Item.Id));
        Assert.Equal(3600, analysis.Snapshot.MedianFirstResponseSeconds);
    }

    /// <summary>
    /// The documented error bodies (https://developers.google.com/youtube/v3/docs/errors; the shape is Google's
    /// standard error: error.code, error.message, error.errors[].domain/reason). A spent daily quota pauses the channel
    /// until midnight Pacific Time, when quotas reset (https://developers.google.com/youtube/v3/getting-started#quota);
    /// a rate limit pauses it briefly; only a refused key is a credential problem.
    /// </summary>
    [Theory]
    [InlineData(403, "youtube.quota", "quotaExceeded", "The request cannot be completed because you have exceeded your <a href=\\\"/youtube/v3/getting-started#quota\\\">quota</a>.", "quota")]
    [InlineData(403, "usageLimits", "rateLimitExceeded", "Rate Limit Exceeded", "rate")]
    [InlineData(400, "usageLimits", "keyInvalid", "API key not valid. Please pass a valid API key.", "key")]
    [InlineData(400, "youtube.parameter", "invalidPageToken", "The request specifies an invalid page token.", "other")]
    [InlineData(403, "usageLimits", "accessNotConfigured", "Access Not Configured. YouTube Data API has not been used in project 1 before or it is disabled.", "key")]
    [InlineData(403, "youtube.commentThread", "commentsDisabled", "The video identified by the videoId parameter has disabled comments.", "other")]
    public async Task Quota_and_rate_limits_pause_the_channel_and_a_refused_key_is_named(int status, string domain, string reason, string message, string kind)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 18, 0, 0, TimeSpan.Zero));   // 10:00 in Los Angeles
        await using var server = await LoopbackServer.StartAsync();
        var body = $"{{\"error\":{{\"code\":{status},\"message\":\"{message}\",\"errors\":[{{\"message\":\"{message}\",\"domain\":\"{domain}\",\"reason\":\"{reason}\"}}]}}}}";
        server.Handler = ctx => Feed.Write(ctx, body, status);
        await using var app = await TestApp.StartAsync(Channel(server), time);

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);
        var state = await app.Get<IChannelStateStore>().GetAsync("yt", CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.DoesNotContain(ApiKey, outcome.Error, StringComparison.Ordinal);
        switch (kind)
        {
            case "quota":
                Assert.Contains("daily quota is spent", outcome.Error, StringComparison.Ordinal);
                Assert.Equal("paused", (await app.GetJsonAsync("/api/dashboard"))["channels"]![0]!["pollState"]!.GetValue<string>());
                Assert.Equal(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero), state!.PausedUntil);   // midnight PST
                break;
            case "rate":
                Assert.Contains("rate-limited", outcome.Error, StringComparison.Ordinal);
                Assert.Equal(time.GetUtcNow().AddMinutes(15), state!.PausedUntil);
                break;
            case "key":
                Assert.Contains("the API key is invalid or restricted", outcome.Error, StringComparison.Ordinal);
                Assert.Contains(reason, outcome.Error, StringComparison.Ordinal);
                Assert.Equal("credentials-rejected", (await app.GetJsonAsync("/api/dashboard"))["channels"]![0]!["pollState"]!.GetValue<string>());
                break;
            default:
                Assert.Contains($"HTTP {status}", outcome.Error, StringComparison.Ordinal);
                Assert.Equal("failing", (await app.GetJsonAsync("/api/dashboard"))["channels"]![0]!["pollState"]!.GetValue<string>());
                break;
        }
    }

    /// <summary>
    /// A thread deleted between commentThreads.list and comments.list: comments.list answers 404 commentNotFound
    /// (https://developers.google.com/youtube/v3/docs/comments/list, "Errors"). There is nothing left to read; the
    /// thread's listed comment is stored and the channel does not fail.
    /// </summary>
    [Fact]
    public async Task Replies_of_a_thread_deleted_since_it_was_listed_are_nothing_to_read()
    {
        var now = DateTimeOffset.UtcNow;
        var threads = new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject
            {
                ["id"] = "gone",
                ["snippet"] = new JsonObject
                {
                    ["videoId"] = "vid1", ["totalReplyCount"] = 5,
                    ["topLevelComment"] = new JsonObject
                    {
                        ["id"] = "gone",
                        ["snippet"] = new JsonObject
                        {
                            ["authorDisplayName"] = "fan", ["authorChannelId"] = new JsonObject { ["value"] = "UCfan" }, ["videoId"] = "vid1",
                            ["textOriginal"] = "Is anyone answering here?", ["publishedAt"] = now.AddHours(-2).ToString("O", CultureInfo.InvariantCulture),
                        },
                    },
                },
            }),
        };
        const string NotFound = "{\"error\":{\"code\":404,\"message\":\"The comment identified by the parentId parameter could not be found.\",\"errors\":[{\"message\":\"The comment identified by the parentId parameter could not be found.\",\"domain\":\"youtube.comment\",\"reason\":\"commentNotFound\"}]}}";
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value == "/youtube/v3/comments" ? Feed.Write(ctx, NotFound, 404) : Feed.Write(ctx, threads.ToJsonString());
        await using var app = await TestApp.StartAsync(Channel(server));

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(1, outcome.ItemsStored);
        Assert.Contains(server.Requests, r => r.PathAndQuery.Contains("parentId=gone", StringComparison.Ordinal));
        Assert.Equal("ok", (await app.GetJsonAsync("/api/dashboard"))["channels"]![0]!["pollState"]!.GetValue<string>());
    }

    /// <summary>
    /// Google's answer to a bad API key today: 400, <c>errors[].reason: "badRequest"</c>, "API key not valid", and the
    /// real reason in <c>details[]</c>, a google.rpc.ErrorInfo with <c>reason: API_KEY_INVALID</c>
    /// (https://cloud.google.com/apis/design/errors#error_info; the body as googleapis.com answers it). That is a
    /// refused key for a person to replace, not a failure to retry every cycle.
    /// </summary>
    [Fact]
    public async Task The_current_bad_key_answer_is_a_refused_key()
    {
        const string Body = """
            {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","errors":[{"message":"API key not valid. Please pass a valid API key.","domain":"global","reason":"badRequest"}],"status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com","metadata":{"service":"youtube.googleapis.com"}},{"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":"en-US","message":"API key not valid. Please pass a valid API key."}]}}
            """;
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => Feed.Write(ctx, Body, 400);
        await using var app = await TestApp.StartAsync(Channel(server));

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("API_KEY_INVALID", outcome.Error, StringComparison.Ordinal);
        Assert.Equal("credentials-rejected", (await app.GetJsonAsync("/api/dashboard"))["channels"]![0]!["pollState"]!.GetValue<string>());
    }

    /// <summary>
    /// commentThreads.list with order=time lists newest first (https://developers.google.com/youtube/v3/docs/commentThreads/list);
    /// a walk cut at Connectors:MaxPagesPerPoll before the look-back horizon has not read the threads in between: the
    /// mark stays where it was.
    /// </summary>
    [Fact]
    public async Task A_walk_cut_at_the_page_limit_keeps_the_mark()
    {
        var now = DateTimeOffset.UtcNow;
        var page = new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject
            {
                ["id"] = "new1",
                ["snippet"] = new JsonObject
                {
                    ["videoId"] = "vid1", ["totalReplyCount"] = 0,
                    ["topLevelComment"] = new JsonObject
                    {
                        ["id"] = "new1",
                        ["snippet"] = new JsonObject
                        {
                            ["authorDisplayName"] = "fan", ["authorChannelId"] = new JsonObject { ["value"] = "UCfan" }, ["videoId"] = "vid1",
                            ["textOriginal"] = "Hello?", ["publishedAt"] = now.AddMinutes(-5).ToString("O", CultureInfo.InvariantCulture),
                        },
                    },
                },
            }),
            ["nextPageToken"] = "older",
        };
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => Feed.Write(ctx, page.ToJsonString());
        var settings = Channel(server);
        settings["Connectors:MaxPagesPerPoll"] = "1";
        await using var app = await TestApp.StartAsync(settings);
        var since = now.AddDays(-1).ToString("O", CultureInfo.InvariantCulture);

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), "{\"since\":\"" + since + "\"}", CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(1, outcome.ItemsStored);
        var cursor = JsonNode.Parse((await app.Get<IChannelStateStore>().GetAsync("yt", CancellationToken.None))!.Cursor!)!;
        Assert.Equal(DateTimeOffset.Parse(since, CultureInfo.InvariantCulture), cursor["since"]!.GetValue<DateTimeOffset>());
    }
}
