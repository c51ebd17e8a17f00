using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ResponseMonitor.App.Api;
using ResponseMonitor.App.Api.Webhooks;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>Facebook Page and Instagram connectors and Meta webhooks, against a loopback Graph API speaking recorded responses.</summary>
public sealed class MetaConnectorTests
{
    private const string Page = "137542570280222";
    private const string AppSecret = "meta-app-secret";

    private static Dictionary<string, string?> Facebook(LoopbackServer server, int index = 0, string id = "fb") => new()
    {
        [$"Monitor:Channels:{index}:Id"] = id,
        [$"Monitor:Channels:{index}:Kind"] = "facebook-page",
        [$"Monitor:Channels:{index}:Settings:graphUrl"] = server.BaseAddress + "v21.0/",
        [$"Monitor:Channels:{index}:Settings:pageId"] = Page,
        [$"Monitor:Channels:{index}:BrandAuthorIds:0"] = Page,
        [$"Monitor:Channels:{index}:AccessToken"] = "page-token",
        [$"Monitor:Channels:{index}:WebhookSecret"] = AppSecret,
        [$"Monitor:Channels:{index}:WebhookVerifyToken"] = "verify-me",
    };

    private static string Recorded(string path) => File.ReadAllText(Path.Combine(Fixtures.Folder, "sns-sdks_python-facebook", path));

    /// <summary>Recorded paging links point at graph.facebook.com; serve them from here instead.</summary>
    private static string Local(string json, LoopbackServer server) =>
        json.Replace("https://graph.facebook.com/", server.BaseAddress + "v21.0/", StringComparison.Ordinal).Replace("v21.0/v10.0/", "v21.0/", StringComparison.Ordinal)
            .Replace("v21.0/v11.0/", "v21.0/", StringComparison.Ordinal).Replace("v21.0/v8.0/", "v21.0/", StringComparison.Ordinal);

    private static int Countable(string json) => JsonNode.Parse(json)!["data"]!.AsArray().Count(i => i!["id"] is not null && i["created_time"] is not null);

    private static ChannelDefinition Definition(TestApp app, string id) => app.Get<IChannelCatalog>().Find(id)!;

    /// <summary>
    /// Graph versions end about two years after release (v21.0 on 21 January 2027:
    /// https://developers.facebook.com/docs/graph-api/changelog/versions/): the default is the newest, v26.0, and
    /// <c>Settings:graphVersion</c> moves a channel without a release.
    /// </summary>
    [Theory]
    [InlineData(null, "/v26.0/137542570280222/feed")]
    [InlineData("v25.0", "/v25.0/137542570280222/feed")]
    [InlineData("latest", null)]
    public async Task The_graph_version_is_the_newest_by_default_and_a_setting(string? version, string? expectedPath)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => Feed.Write(ctx, "{\"data\":[]}");
        var settings = Facebook(server);
        settings["Monitor:Channels:0:Settings:graphUrl"] = server.BaseAddress.ToString();
        settings["Monitor:Channels:0:Settings:graphVersion"] = version;
        if (expectedPath is null)
        {
            // The platform's own settings check runs at start-up (IChannelPlatform.CheckSettings): a version Graph
            // does not have stops the app naming the setting, before any call is made.
            var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => TestApp.StartAsync(settings));
            Assert.Contains("Monitor:Channels:0 (fb): Settings:graphVersion 'latest' is not a Graph API version", error.Message, StringComparison.Ordinal);
            Assert.Empty(server.Requests);
            return;
        }

        await using var app = await TestApp.StartAsync(settings);
        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app, "fb"), null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(expectedPath, server.Requests.First(r => !r.PathAndQuery.Contains("debug_token", StringComparison.Ordinal)).PathAndQuery.Split('?')[0]);
    }

    [Fact]
    public async Task Recorded_feed_and_paged_comments_are_read_with_the_token_only_in_the_header()
    {
        var feed = Recorded("facebook/apidata/posts/feed_fields_p1.json");
        var comments1 = Recorded("facebook/apidata/comments/comment_by_parent_p1.json");
        var comments2 = Recorded("facebook/apidata/comments/comment_by_parent_p2.json");
        var noIds = Recorded("facebook/apidata/comments/comments_p1.json");
        await using var server = await LoopbackServer.StartAsync();
        var firstPost = JsonNode.Parse(feed)!["data"]![0]!["id"]!.GetValue<string>();
        server.Handler = ctx =>
        {
            var path = ctx.Request.Path.Value!;
            if (path.EndsWith("/feed", StringComparison.Ordinal))
            {
                return Feed.Write(ctx, Local(feed, server));
            }

            // The first post's comments come without ids (as Graph does without the right fields): survive them.
            return Feed.Write(ctx, path.Contains(firstPost, StringComparison.Ordinal)
                ? Local(noIds, server).Replace("\"next\"", "\"unused\"", StringComparison.Ordinal)
                : ctx.Request.Query.ContainsKey("after") ? Local(comments2, server) : Local(comments1, server));
        };
        await using var app = await TestApp.StartAsync(Facebook(server));

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app, "fb"), null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        var posts = Countable(feed);
        var perPost = Countable(comments1) + Countable(comments2);
        Assert.Equal(posts + ((posts - 1) * perPost), outcome.ItemsStored);
        Assert.All(server.Requests, r => Assert.Equal("Bearer page-token", r.Authorization));
        Assert.All(server.Requests, r => Assert.DoesNotContain("access_token", r.PathAndQuery, StringComparison.Ordinal));
        var comment = (await app.Get<IItemStore>().GetAsync("fb", ["2498598377021978_2498617433686739"], CancellationToken.None)).Values.Single();
        Assert.Equal(("2711636948859886", "Kun Liu"), (comment.AuthorId, comment.AuthorName));
    }

    [Fact]
    public async Task Usage_near_the_limit_pauses_the_channel_and_an_expired_token_is_reported_once()
    {
        await using var busy = await LoopbackServer.StartAsync();
        busy.Handler = ctx =>
        {
            if (ctx.Request.Path.Value!.EndsWith("debug_token", StringComparison.Ordinal))
            {
                return Feed.Write(ctx, "{\"data\":{\"type\":\"PAGE\",\"is_valid\":true,\"expires_at\":0}}");
            }

            ctx.Response.Headers["x-business-use-case-usage"] = "{\"" + Page + "\":[{\"type\":\"pages\",\"call_count\":97,\"total_cputime\":10,\"total_time\":12,\"estimated_time_to_regain_access\":30}]}";
            return Feed.Write(ctx, "{\"data\":[]}");
        };
        await using var expired = await LoopbackServer.StartAsync();
        expired.Handler = ctx => Feed.Write(ctx, "{\"error\":{\"message\":\"Error validating access token: Session has expired.\",\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463}}", StatusCodes.Status400BadRequest);
        await using var broken = await LoopbackServer.StartAsync();
        broken.Handler = ctx => Feed.Write(ctx, Recorded("error.json"), StatusCodes.Status400BadRequest);
        await using var app = await TestApp.StartAsync(TestApp.Merge(Facebook(busy, 0, "busy"), Facebook(expired, 1, "expired"), Facebook(broken, 2, "broken")));
        var poller = app.Get<ChannelPoller>();

        var first = await poller.PollAllAsync(CancellationToken.None);
        var requests = (busy.Requests.Count, expired.Requests.Count);
        var brokenRequests = broken.Requests.Count;
        var second = await poller.PollAllAsync(CancellationToken.None);
        await poller.PollAllAsync(CancellationToken.None);

        // The answer at 97 % is still used; the channel asks nothing more until Meta's estimated regain time.
        Assert.True(first.Channels.Single(c => c.ChannelId == "busy").Succeeded);
        Assert.Contains("x-business-use-case-usage reached 97%", second.Channels.Single(c => c.ChannelId == "busy").Error, StringComparison.Ordinal);
        Assert.Contains("renew the channel's token", first.Channels.Single(c => c.ChannelId == "expired").Error, StringComparison.Ordinal);
        Assert.Equal(requests, (busy.Requests.Count, expired.Requests.Count));   // both held back on the next cycles
        Assert.Contains("(code 100)", first.Channels.Single(c => c.ChannelId == "broken").Error, StringComparison.Ordinal);
        Assert.True(broken.Requests.Count > brokenRequests);                      // an ordinary error is retried next cycle
        var states = app.Get<IChannelStateStore>();
        Assert.True((await states.GetAsync("busy", CancellationToken.None))!.PausedUntil > DateTimeOffset.UtcNow.AddMinutes(29));
        Assert.True((await states.GetAsync("expired", CancellationToken.None))!.PausedUntil > DateTimeOffset.UtcNow.AddHours(5));
    }

    [Fact]
    public async Task The_subscription_handshake_answers_the_challenge_only_for_the_right_verify_token()
    {
        await using var server = await LoopbackServer.StartAsync();
        await using var app = await TestApp.StartAsync(Facebook(server));

        using var ok = await app.Anonymous.GetAsync("/api/webhooks/fb?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync());

        using var wrong = await app.Anonymous.GetAsync("/api/webhooks/fb?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1");
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        using var malformed = await app.Anonymous.GetAsync("/api/webhooks/fb?hub.verify_token=verify-me");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task A_delivery_for_the_other_object_is_refused_and_nothing_is_stored()
    {
        await using var server = await LoopbackServer.StartAsync();
        await using var app = await TestApp.StartAsync(Facebook(server));
        var body = Encoding.UTF8.GetBytes("{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + Page + "\",\"time\":1700000000,\"changes\":[]}]}");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/fb") { Content = new ByteArrayContent(body) };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(AppSecret, body));
        using var response = await app.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("this channel reads 'page' deliveries", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_page_delivery_stores_posts_and_comments_and_a_later_poll_of_the_same_comment_is_one_comment()
    {
        var changes = Fixtures.Load("facebook/webhook_page_feed_changes_bottender.json")["changes"]!;
        var delivery = new JsonObject
        {
            ["object"] = "page",
            ["entry"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = Page,
                    ["time"] = 1511951015,
                    ["changes"] = new JsonArray(changes["statusAdd"]!.DeepClone(), changes["commentAdd"]!.DeepClone(), changes["commentEdited"]!.DeepClone(), changes["postRemove"]!.DeepClone(), changes["likeAdd"]!.DeepClone()),
                },
                // Another page on the same Meta app: one callback URL per object, so its entries arrive here too.
                new JsonObject
                {
                    ["id"] = "999999999999999",
                    ["time"] = 1511951015,
                    ["changes"] = new JsonArray(changes["commentAdd"]!.DeepClone()),
                }),
        };
        var body = Encoding.UTF8.GetBytes(delivery.ToJsonString());
        var commentId = changes["commentAdd"]!["value"]!["comment_id"]!.GetValue<string>();
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => Feed.Write(ctx, ctx.Request.Path.Value!.EndsWith("/feed", StringComparison.Ordinal)
            ? "{\"data\":[{\"id\":\"137542570280222_139560936744456\",\"created_time\":\"2017-11-29T03:45:35+0000\",\"message\":\"post\",\"from\":{\"id\":\"139560936744123\"}}]}"
            : "{\"data\":[{\"id\":\"" + commentId + "\",\"created_time\":\"2017-11-29T10:23:35+0000\",\"message\":\"Good\",\"from\":{\"id\":\"139560936744123\",\"name\":\"user\"},\"parent\":{\"id\":\"139560936744456_139562213411528\"}}]}");
        await using var app = await TestApp.StartAsync(Facebook(server));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/fb") { Content = new ByteArrayContent(body) };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(AppSecret, body));
        using var response = await app.Anonymous.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);   // Meta expects 200 (Webhooks getting started)
        Assert.Equal(3, json["stored"]!.GetValue<int>());                      // status add, comment add, comment edit; not remove or like
        Assert.Equal(1, json["skipped"]!.GetValue<int>());                     // the other page's entry
        var pushed = (await app.Get<IItemStore>().GetAsync("fb", [commentId], CancellationToken.None)).Values.Single();
        Assert.Equal(("139560936744456_139562213411528", "Good", "139560936744123"), (pushed.ParentId, pushed.Text, pushed.AuthorId));

        await app.Get<ChannelPoller>().PollChannelAsync(Definition(app, "fb"), null, CancellationToken.None);
        var table = app.Get<Storage.StorageClients>().Tables.GetTableClient(app.Prefix + "Items");
        var count = 0;
        await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.RowKey == commentId))
        {
            count++;
        }

        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Instagram_media_comments_and_a_pushed_comment_are_read()
    {
        var media = Recorded("instagram/apidata/users/medias_p1.json");
        var comments = Recorded("instagram/apidata/medias/comments_p1.json");
        await using var server = await LoopbackServer.StartAsync();
        // The recorded media carry no username, so the push asks for it: GET /{ig-user-id}?fields=username (IG User reference).
        server.Handler = ctx => Feed.Write(ctx, ctx.Request.Path.Value!.EndsWith("/media", StringComparison.Ordinal)
            ? Local(media, server).Replace("\"next\"", "\"unused\"", StringComparison.Ordinal)
            : ctx.Request.Path.Value.EndsWith("/17841400008460056", StringComparison.Ordinal) ? "{\"username\":\"acme.outdoor\",\"id\":\"17841400008460056\"}"
            : Local(comments, server).Replace("\"next\"", "\"unused\"", StringComparison.Ordinal));
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:Channels:0:Id"] = "ig",
            ["Monitor:Channels:0:Kind"] = "instagram",
            ["Monitor:Channels:0:Settings:graphUrl"] = server.BaseAddress + "v21.0/",
            ["Monitor:Channels:0:Settings:accountId"] = "17841400008460056",
            ["Monitor:Channels:0:BrandAuthorIds:0"] = "17841400008460056",
            ["Monitor:Channels:0:AccessToken"] = "ig-token",
            ["Monitor:Channels:0:WebhookSecret"] = AppSecret,
        };
        await using var app = await TestApp.StartAsync(settings);

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app, "ig"), null, CancellationToken.None);

        var mediaCount = JsonNode.Parse(media)!["data"]!.AsArray().Count;
        var commentCount = JsonNode.Parse(comments)!["data"]!.AsArray().Count;
        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(mediaCount + (mediaCount * commentCount), outcome.ItemsStored);

        var delivery = Encoding.UTF8.GetBytes("{\"object\":\"instagram\",\"entry\":[{\"id\":\"17841400008460056\",\"time\":1700000000,\"changes\":[{\"field\":\"comments\",\"value\":{\"id\":\"17865799348089039\",\"text\":\"Where is my order??\",\"from\":{\"id\":\"232323232\",\"username\":\"fan\"},\"media\":{\"id\":\"17895731045244887\",\"media_product_type\":\"FEED\"}}}]}]}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/ig") { Content = new ByteArrayContent(delivery) };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(AppSecret, delivery));
        using var response = await app.Anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);   // Meta expects 200 (Webhooks getting started)
        var pushed = (await app.Get<IItemStore>().GetAsync("ig", ["17865799348089039"], CancellationToken.None)).Values.Single();
        Assert.Equal(("17895731045244887", "232323232", "fan"), (pushed.ParentId, pushed.AuthorId, pushed.AuthorName));
    }

    /// <summary>
    /// A comment's from.id is an Instagram-scoped id, never the account's IG user id (Meta changelog, October 2021), so
    /// the brand's own reply is recognised by the account's username (which its media carry) and stored under the
    /// account id, polled or pushed: the public's comment it answers is then answered, not waiting.
    /// </summary>
    [Fact]
    public async Task Instagram_brand_replies_with_a_scoped_id_are_the_brands_by_username()
    {
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        string T(DateTimeOffset t) => t.ToString("yyyy-MM-ddTHH:mm:ss+0000", System.Globalization.CultureInfo.InvariantCulture);
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => Feed.Write(ctx, ctx.Request.Path.Value!.EndsWith("/media", StringComparison.Ordinal)
            ? "{\"data\":[{\"id\":\"m1\",\"caption\":\"New season\",\"timestamp\":\"" + T(at) + "\",\"username\":\"Acme.Outdoor\"}]}"
            : "{\"data\":[{\"id\":\"c1\",\"text\":\"Is it waterproof?\",\"timestamp\":\"" + T(at.AddMinutes(10)) + "\",\"username\":\"fan\",\"from\":{\"id\":\"900000001\",\"username\":\"fan\"},"
              + "\"replies\":{\"data\":[{\"id\":\"r1\",\"text\":\"Yes, fully.\",\"timestamp\":\"" + T(at.AddMinutes(40)) + "\",\"username\":\"acme.outdoor\",\"from\":{\"id\":\"17841499999999999\",\"username\":\"acme.outdoor\"}}]}}]}");
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:Channels:0:Id"] = "ig",
            ["Monitor:Channels:0:Kind"] = "instagram",
            ["Monitor:Channels:0:Settings:graphUrl"] = server.BaseAddress.ToString(),
            ["Monitor:Channels:0:Settings:accountId"] = "17841400008460056",
            ["Monitor:Channels:0:BrandAuthorIds:0"] = "17841400008460056",
            ["Monitor:Channels:0:AccessToken"] = "ig-token",
            ["Monitor:Channels:0:WebhookSecret"] = AppSecret,
        };
        await using var app = await TestApp.StartAsync(settings);

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app, "ig"), null, CancellationToken.None);
        var analysis = await app.Get<Domain.Analysis.ChannelAnalysisService>().AnalyzeAsync("ig", CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        var reply = (await app.Get<IItemStore>().GetAsync("ig", ["r1"], CancellationToken.None)).Values.Single();
        Assert.Equal("17841400008460056", reply.AuthorId);
        Assert.Equal(0, analysis.Snapshot.OpenCount);
        Assert.Equal(30 * 60, analysis.Snapshot.MedianFirstResponseSeconds);

        // Pushed: the same rule, with the username named in Settings:username or learnt from BrandAuthorIds.
        var delivery = Encoding.UTF8.GetBytes("{\"object\":\"instagram\",\"entry\":[{\"id\":\"17841400008460056\",\"time\":1700000000,\"changes\":[{\"field\":\"comments\",\"value\":{\"id\":\"r2\",\"text\":\"Thanks!\",\"parent_id\":\"c1\",\"from\":{\"id\":\"17841499999999999\",\"username\":\"acme.outdoor\"},\"media\":{\"id\":\"m1\"}}}]}]}");
        await using var pushApp = await TestApp.StartAsync(new Dictionary<string, string?>(settings) { ["Monitor:Channels:0:Settings:username"] = "acme.outdoor" }, sharedPrefix: app.Prefix);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/ig") { Content = new ByteArrayContent(delivery) };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(AppSecret, delivery));
        using var response = await pushApp.Anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("17841400008460056", (await app.Get<IItemStore>().GetAsync("ig", ["r2"], CancellationToken.None)).Values.Single().AuthorId);
    }

    [Fact]
    public async Task A_delivery_that_is_not_meta_shaped_is_rejected_and_stores_nothing()
    {
        await using var server = await LoopbackServer.StartAsync();
        await using var app = await TestApp.StartAsync(Facebook(server));
        var body = Encoding.UTF8.GetBytes("{\"items\":[]}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/fb") { Content = new ByteArrayContent(body) };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(AppSecret, body));

        using var response = await app.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'object' must be 'page' or 'instagram'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A comment's <c>replies</c> edge comes with its first page and, for a long thread, its own <c>paging.next</c>
    /// (Graph's cursor paging of edges: https://developers.facebook.com/docs/graph-api/results; the edge itself:
    /// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies). The
    /// second page is followed on the Graph host, with the token in the header only. The reply page's items are the
    /// recorded shape of <c>instagram/apidata/comments/replies.json</c>.
    /// </summary>
    [Fact]
    public async Task Instagram_replies_beyond_the_first_page_are_followed()
    {
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        string T(DateTimeOffset t) => t.ToString("yyyy-MM-ddTHH:mm:ss+0000", System.Globalization.CultureInfo.InvariantCulture);
        var recorded = JsonNode.Parse(Recorded("instagram/apidata/comments/replies.json"))!["data"]![0]!;
        await using var server = await LoopbackServer.StartAsync();
        var next = server.BaseAddress + "v21.0/17858893269000001/replies?after=QVFI&limit=50&access_token=leaked";
        server.Handler = ctx => ctx.Request.Path.Value! switch
        {
            var p when p.EndsWith("/media", StringComparison.Ordinal) => Feed.Write(ctx, $"{{\"data\":[{{\"id\":\"m1\",\"caption\":\"Launch\",\"timestamp\":\"{T(at)}\",\"username\":\"acme\"}}]}}"),
            var p when p.EndsWith("/m1/comments", StringComparison.Ordinal) => Feed.Write(ctx, $"{{\"data\":[{{\"id\":\"17858893269000001\",\"text\":\"Broken zip\",\"timestamp\":\"{T(at.AddMinutes(5))}\",\"username\":\"fan\",\"from\":{{\"id\":\"1\",\"username\":\"fan\"}},\"replies\":{{\"data\":[{{\"id\":\"r1\",\"text\":\"same\",\"timestamp\":\"{T(at.AddMinutes(6))}\",\"username\":\"fan2\"}}],\"paging\":{{\"cursors\":{{\"after\":\"QVFI\"}},\"next\":\"{next}\"}}}}}}]}}"),
            var p when p.EndsWith("/replies", StringComparison.Ordinal) => Feed.Write(ctx, new JsonObject { ["data"] = new JsonArray(recorded.DeepClone()) }.ToJsonString()),
            _ => Feed.Write(ctx, "{\"data\":[]}"),
        };
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:Channels:0:Id"] = "ig",
            ["Monitor:Channels:0:Kind"] = "instagram",
            ["Monitor:Channels:0:Settings:graphUrl"] = server.BaseAddress + "v21.0/",
            ["Monitor:Channels:0:Settings:accountId"] = "17841400008460056",
            ["Monitor:Channels:0:BrandAuthorIds:0"] = "17841400008460056",
            ["Monitor:Channels:0:AccessToken"] = "ig-token",
        };
        await using var app = await TestApp.StartAsync(settings);

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app, "ig"), null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        var replyId = recorded["id"]!.GetValue<string>();
        var stored = await app.Get<IItemStore>().GetAsync("ig", ["r1", replyId], CancellationToken.None);
        Assert.Equal(2, stored.Count);
        Assert.Equal("17858893269000001", stored[replyId].ParentId);
        var second = Assert.Single(server.Requests, r => r.PathAndQuery.Contains("/replies", StringComparison.Ordinal));
        Assert.DoesNotContain("access_token", second.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("Bearer ig-token", second.Authorization);
    }

    /// <summary>
    /// Graph may answer a comments edge oldest first whatever was asked: the recorded answer in sns-sdks/python-facebook
    /// (facebook/apidata/comments/comments_p1.json) says <c>"summary": {"order": "chronological"}</c>. Then the new
    /// comments of a busy post are on the later pages, and a walk that stops at the first page holding something older
    /// than the mark misses them. The order is asked for with summary=true and checked.
    /// </summary>
    [Fact]
    public async Task Comments_answered_oldest_first_are_walked_to_the_end()
    {
        var recordedOrder = JsonNode.Parse(Recorded("facebook/apidata/comments/comments_p1.json"))!["summary"]!["order"]!.GetValue<string>();
        Assert.Equal("chronological", recordedOrder);
        var now = DateTimeOffset.UtcNow;
        static string T(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", System.Globalization.CultureInfo.InvariantCulture);
        string Comment(string id, DateTimeOffset at) => $"{{\"id\":\"{id}\",\"message\":\"Still waiting\",\"created_time\":\"{T(at)}\",\"from\":{{\"id\":\"fan-{id}\",\"name\":\"Fan\"}}}}";
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            var path = ctx.Request.Path.Value!;
            if (path.EndsWith("/feed", StringComparison.Ordinal))
            {
                return Feed.Write(ctx, $"{{\"data\":[{{\"id\":\"{Page}_p1\",\"message\":\"Launch\",\"created_time\":\"{T(now.AddHours(-2))}\",\"from\":{{\"id\":\"{Page}\"}}}}]}}");
            }

            if (path.EndsWith("/comments", StringComparison.Ordinal))
            {
                var next = server.BaseAddress + $"v21.0/{Page}_p1/comments?after=page2";
                return ctx.Request.Query["after"] == "page2"
                    ? Feed.Write(ctx, $"{{\"data\":[{Comment("c3", now.AddMinutes(-10))}],\"summary\":{{\"order\":\"{recordedOrder}\",\"total_count\":3}},\"paging\":{{}}}}")
                    : Feed.Write(ctx, $"{{\"data\":[{Comment("c1", now.AddMinutes(-95))},{Comment("c2", now.AddMinutes(-80))}],\"summary\":{{\"order\":\"{recordedOrder}\",\"total_count\":3}},\"paging\":{{\"next\":\"{next}\"}}}}");
            }

            return Feed.Write(ctx, "{\"data\":{}}");
        };
        await using var app = await TestApp.StartAsync(Facebook(server));
        var cursor = "{\"since\":" + now.AddHours(-1).ToUnixTimeSeconds() + "}";

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app, "fb"), cursor, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Contains(server.Requests, r => r.PathAndQuery.Contains("summary=true", StringComparison.Ordinal) && r.PathAndQuery.Contains("order=reverse_chronological", StringComparison.Ordinal));
        Assert.NotNull((await app.Get<IItemStore>().GetAsync("fb", ["c3"], CancellationToken.None)).GetValueOrDefault("c3"));
    }

    /// <summary>
    /// An Instagram push names the brand's own reply only by an app-scoped id and the account's username. Without
    /// Settings:username and before any poll has learnt it, the monitor asks Graph once,
    /// <c>GET /{ig-user-id}?fields=username</c> (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user),
    /// so the pushed brand reply is the brand's, not the public's.
    /// </summary>
    [Fact]
    public async Task An_instagram_push_before_any_poll_asks_graph_for_the_username()
    {
        const string Account = "17841400008460056";
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value == $"/v21.0/{Account}" && ctx.Request.Query["fields"] == "username"
            ? Feed.Write(ctx, $"{{\"username\":\"acme.outdoor\",\"id\":\"{Account}\"}}")
            : Feed.Write(ctx, "{\"error\":{\"message\":\"Unsupported get request\",\"type\":\"GraphMethodException\",\"code\":100}}", 400);
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Monitor:Channels:0:Id"] = "ig",
            ["Monitor:Channels:0:Kind"] = "instagram",
            ["Monitor:Channels:0:Settings:graphUrl"] = server.BaseAddress + "v21.0/",
            ["Monitor:Channels:0:Settings:accountId"] = Account,
            ["Monitor:Channels:0:BrandAuthorIds:0"] = Account,
            ["Monitor:Channels:0:AccessToken"] = "ig-token",
            ["Monitor:Channels:0:WebhookSecret"] = AppSecret,
        });
        var delivery = Encoding.UTF8.GetBytes("{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + Account + "\",\"time\":1700000000,\"changes\":[{\"field\":\"comments\",\"value\":{\"id\":\"r9\",\"text\":\"Sorry about that, DM us.\",\"parent_id\":\"c9\",\"from\":{\"id\":\"17841499999999999\",\"username\":\"acme.outdoor\"},\"media\":{\"id\":\"m9\"}}}]}]}");

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/ig") { Content = new ByteArrayContent(delivery) };
            request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(AppSecret, delivery));
            using var response = await app.Anonymous.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(Account, (await app.Get<IItemStore>().GetAsync("ig", ["r9"], CancellationToken.None))["r9"].AuthorId);
        Assert.Single(server.Requests, r => r.PathAndQuery.Contains("fields=username", StringComparison.Ordinal));   // asked once
        Assert.Equal("Bearer ig-token", server.Requests.Single().Authorization);
    }
}
