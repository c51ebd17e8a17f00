using System.Globalization;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// Comments on Meta ads, a channel setting (<c>Settings:includeAds</c>) of the Facebook Page and Instagram channels,
/// against a loopback Graph API. No recorded ads answer with a permissive licence was found; the answers are written
/// by hand in the documented shapes: Facebook,
/// https://developers.facebook.com/docs/graph-api/reference/page/ads_posts/ (PagePost nodes, Graph paging);
/// Instagram, https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/reference/ig-media/comments
/// ("request the Ad's effective_instagram_media_id … query the returned ID's /comments edge") and the Post Moderation
/// guide, https://developers.facebook.com/documentation/ads-commerce/instagram/ads-api/guides/post-moderation
/// (creative fields effective_instagram_media_id, instagram_permalink_url).
/// </summary>
public sealed class MetaAdCommentsTests
{
    private const string Page = "137542570280222";
    private const string Account = "17841400008460056";

    private static string T(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture);

    private static Dictionary<string, string?> Facebook(LoopbackServer server, bool includeAds) => new()
    {
        ["Monitor:Channels:0:Id"] = "fb",
        ["Monitor:Channels:0:Kind"] = "facebook-page",
        ["Monitor:Channels:0:Settings:graphUrl"] = server.BaseAddress + "v26.0/",
        ["Monitor:Channels:0:Settings:pageId"] = Page,
        ["Monitor:Channels:0:Settings:includeAds"] = includeAds ? "true" : null,
        ["Monitor:Channels:0:BrandAuthorIds:0"] = Page,
        ["Monitor:Channels:0:AccessToken"] = "page-token",
    };

    private static Dictionary<string, string?> Instagram(LoopbackServer server) => new()
    {
        ["Monitor:Channels:0:Id"] = "ig",
        ["Monitor:Channels:0:Kind"] = "instagram",
        ["Monitor:Channels:0:Settings:graphUrl"] = server.BaseAddress + "v26.0/",
        ["Monitor:Channels:0:Settings:accountId"] = Account,
        ["Monitor:Channels:0:Settings:includeAds"] = "true",
        ["Monitor:Channels:0:Settings:adAccountId"] = "act_123",
        ["Monitor:Channels:0:BrandAuthorIds:0"] = Account,
        ["Monitor:Channels:0:AccessToken"] = "ig-token",
    };

    private static async Task<ContentItem> Stored(TestApp app, string channel, string id) => (await app.Get<IItemStore>().GetAsync(channel, [id], CancellationToken.None))[id];

    /// <summary>
    /// With includeAds, the page's ad posts (an ads-only post among them) are read from ads_posts with
    /// include_inline_create, and their comments as a post's are: the public's question, the page's answer, a hidden
    /// comment. Without it, ads_posts is never asked.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Facebook_ad_posts_and_their_comments_are_read_only_with_the_setting(bool includeAds)
    {
        var at = DateTimeOffset.UtcNow.AddDays(-10);
        var later = false;
        var gone = false;
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            var path = ctx.Request.Path.Value!;
            return path switch
            {
                _ when path.EndsWith("/debug_token", StringComparison.Ordinal) => Feed.Write(ctx, "{\"data\":{\"type\":\"PAGE\",\"is_valid\":true,\"expires_at\":0}}"),
                _ when path.EndsWith("/feed", StringComparison.Ordinal) => Feed.Write(ctx, "{\"data\":[]}"),
                _ when path.EndsWith("/ads_posts", StringComparison.Ordinal) => Feed.Write(ctx, "{\"data\":[{\"id\":\"" + Page + "_222\",\"created_time\":\"" + T(at) + "\",\"message\":\"Winter sale\",\"from\":{\"id\":\"" + Page + "\",\"name\":\"Acme\"}}],\"paging\":{\"cursors\":{\"before\":\"MA\",\"after\":\"MQ\"}}}"),
                _ when path.EndsWith($"/{Page}_222/comments", StringComparison.Ordinal) => Feed.Write(ctx,
                    "{\"data\":[{\"id\":\"222_1\",\"message\":\"Is this in stock?\",\"created_time\":\"" + T(at.AddDays(1)) + "\",\"from\":{\"id\":\"5550001\",\"name\":\"Buyer\"},\"is_hidden\":false},"
                    + "{\"id\":\"222_2\",\"message\":\"Yes, in every size.\",\"created_time\":\"" + T(at.AddDays(1).AddHours(1)) + "\",\"from\":{\"id\":\"" + Page + "\",\"name\":\"Acme\"},\"parent\":{\"id\":\"222_1\"},\"is_hidden\":false},"
                    + "{\"id\":\"222_3\",\"message\":\"cheap pills here\",\"created_time\":\"" + T(at.AddDays(2)) + "\",\"from\":{\"id\":\"5550002\",\"name\":\"Spam\"},\"is_hidden\":true}"
                    + (later && !gone ? ",{\"id\":\"222_4\",\"message\":\"Does it ship abroad?\",\"created_time\":\"" + T(at.AddDays(3)) + "\",\"from\":{\"id\":\"5550003\",\"name\":\"Abroad\"},\"is_hidden\":false}" : "") + "],"
                    + "\"summary\":{\"order\":\"chronological\"}}"),
                _ => Feed.Write(ctx, "{\"error\":{\"message\":\"Unsupported get request.\",\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33}}", 400),
            };
        };
        await using var app = await TestApp.StartAsync(Facebook(server, includeAds));

        var outcome = (await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None)).Channels.Single();

        Assert.True(outcome.Succeeded, outcome.Error);
        if (!includeAds)
        {
            Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.Contains("ads_posts", StringComparison.Ordinal));
            Assert.Equal(0, outcome.ItemsStored);
            return;
        }

        var ads = Assert.Single(server.Requests, r => r.PathAndQuery.Contains("/ads_posts?", StringComparison.Ordinal));
        Assert.Contains("include_inline_create=true", ads.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("Bearer page-token", ads.Authorization);
        Assert.Equal(4, outcome.ItemsStored);
        Assert.Equal((Page, "222_1"), ((await Stored(app, "fb", "222_2")).AuthorId, (await Stored(app, "fb", "222_2")).ParentId));
        Assert.Equal(ItemState.Hidden, (await Stored(app, "fb", "222_3")).State);
        Assert.Equal(ItemKind.Post, (await Stored(app, "fb", Page + "_222")).Kind);

        // Steady polls: the ads listing is read again each poll, and what did not change is not stored again; a new
        // comment under the ad is.
        var steady = (await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None)).Channels.Single();
        Assert.True(steady.Succeeded, steady.Error);
        Assert.Equal(0, steady.ItemsStored);
        later = true;
        var next = (await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None)).Channels.Single();
        Assert.True(next.Succeeded, next.Error);
        Assert.Equal(1, next.ItemsStored);
        Assert.Equal("Does it ship abroad?", (await Stored(app, "fb", "222_4")).Text);

        // Its author deletes it: Graph's comments edge no longer lists it and leaves no tombstone, and no webhook tells
        // of an ad's comments. The complete walk of the edge (no next page) is a re-read of the thread, so it is gone.
        gone = true;
        var after = (await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None)).Channels.Single();
        Assert.True(after.Succeeded, after.Error);
        var deleted = await Stored(app, "fb", "222_4");
        Assert.Equal(ItemState.Deleted, deleted.State);
        Assert.Equal("", deleted.Text);
        Assert.Equal(ItemState.Visible, (await Stored(app, "fb", "222_1")).State);
    }

    /// <summary>
    /// A walk of a post's comments cut by the page limit has not seen every comment: nothing is taken as deleted.
    /// </summary>
    [Fact]
    public async Task A_comment_walk_cut_by_the_page_limit_deletes_nothing()
    {
        var at = DateTimeOffset.UtcNow.AddDays(-10);
        var full = true;
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            var path = ctx.Request.Path.Value!;
            var query = ctx.Request.QueryString.Value ?? "";
            return path switch
            {
                _ when path.EndsWith("/debug_token", StringComparison.Ordinal) => Feed.Write(ctx, "{\"data\":{\"type\":\"PAGE\",\"is_valid\":true,\"expires_at\":0}}"),
                _ when path.EndsWith("/feed", StringComparison.Ordinal) => Feed.Write(ctx, "{\"data\":[]}"),
                _ when path.EndsWith("/ads_posts", StringComparison.Ordinal) => Feed.Write(ctx, "{\"data\":[{\"id\":\"" + Page + "_222\",\"created_time\":\"" + T(at) + "\",\"message\":\"Winter sale\",\"from\":{\"id\":\"" + Page + "\",\"name\":\"Acme\"}}]}"),
                // The first page of the comments edge always points to a next page; the second lists 222_2 while full.
                _ when path.EndsWith($"/{Page}_222/comments", StringComparison.Ordinal) && !query.Contains("after=", StringComparison.Ordinal) => Feed.Write(ctx,
                    "{\"data\":[{\"id\":\"222_1\",\"message\":\"Is this in stock?\",\"created_time\":\"" + T(at.AddDays(1)) + "\",\"from\":{\"id\":\"5550001\",\"name\":\"Buyer\"}}],"
                    + "\"paging\":{\"cursors\":{\"after\":\"Mg\"},\"next\":\"" + server.BaseAddress + "v26.0/" + Page + "_222/comments?after=Mg\"},\"summary\":{\"order\":\"chronological\"}}"),
                _ when path.EndsWith($"/{Page}_222/comments", StringComparison.Ordinal) => Feed.Write(ctx,
                    "{\"data\":[" + (full ? "{\"id\":\"222_2\",\"message\":\"And in blue?\",\"created_time\":\"" + T(at.AddDays(2)) + "\",\"from\":{\"id\":\"5550002\",\"name\":\"Other\"}}" : "") + "],\"summary\":{\"order\":\"chronological\"}}"),
                _ => Feed.Write(ctx, "{\"error\":{\"message\":\"Unsupported get request.\",\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33}}", 400),
            };
        };
        var settings = Facebook(server, includeAds: true);
        var prefix = TestApp.NewPrefix();
        await using (var app = await TestApp.StartAsync(settings, sharedPrefix: prefix))
        {
            var first = (await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None)).Channels.Single();
            Assert.True(first.Succeeded, first.Error);
            Assert.Equal(ItemState.Visible, (await Stored(app, "fb", "222_2")).State);
        }

        // One page a poll: the walk stops at the first page, which points to a next one, so the read is not whole and
        // 222_2, now missing from page two, is not taken as deleted.
        full = false;
        settings["Connectors:MaxPagesPerPoll"] = "1";
        await using var cut = await TestApp.StartAsync(settings, sharedPrefix: prefix);
        var outcome = (await cut.Get<ChannelPoller>().PollAllAsync(CancellationToken.None)).Channels.Single();
        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(ItemState.Visible, (await Stored(cut, "fb", "222_2")).State);
    }

    /// <summary>
    /// ads_posts needs ads_management and pages_manage_ads: without them Graph answers a permission error (code 200),
    /// which holds the channel for a person with the permission named, as any missing permission does.
    /// </summary>
    [Fact]
    public async Task Facebook_ad_posts_without_the_ads_permission_hold_the_channel_for_a_person()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value!.EndsWith("/ads_posts", StringComparison.Ordinal)
            ? Feed.Write(ctx, "{\"error\":{\"message\":\"(#200) Requires ads_management permission to manage the object\",\"type\":\"OAuthException\",\"code\":200,\"fbtrace_id\":\"AbC\"}}", 403)
            : Feed.Write(ctx, ctx.Request.Path.Value.EndsWith("/debug_token", StringComparison.Ordinal) ? "{\"data\":{\"type\":\"PAGE\",\"is_valid\":true,\"expires_at\":0}}" : "{\"data\":[]}");
        await using var app = await TestApp.StartAsync(Facebook(server, includeAds: true));

        var outcome = (await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None)).Channels.Single();

        Assert.False(outcome.Succeeded);
        Assert.Contains("Requires ads_management permission", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("grant it to the channel's token", outcome.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// With includeAds and an ad account, the media of its running and paused ads (creative.effective_instagram_media_id)
    /// are read as media are, and their comments with replies: the brand's reply known by the account's username, a
    /// hidden comment hidden. An ad whose medium is also organic media is read once.
    /// </summary>
    [Fact]
    public async Task Instagram_ad_media_comments_are_read_through_the_ad_account()
    {
        var at = DateTimeOffset.UtcNow.AddHours(-6);
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            var path = ctx.Request.Path.Value!;
            return path switch
            {
                _ when path.EndsWith("/debug_token", StringComparison.Ordinal) => Feed.Write(ctx, "{\"data\":{\"type\":\"USER\",\"is_valid\":true,\"expires_at\":0}}"),
                _ when path.EndsWith($"/{Account}/media", StringComparison.Ordinal) => Feed.Write(ctx, "{\"data\":[{\"id\":\"17900000000000009\",\"caption\":\"Organic\",\"timestamp\":\"" + T(at) + "\",\"username\":\"acme.outdoor\"}]}"),
                _ when path.EndsWith("/act_123/ads", StringComparison.Ordinal) => Feed.Write(ctx,
                    "{\"data\":[{\"id\":\"2385\",\"effective_status\":\"ACTIVE\",\"creative\":{\"id\":\"9981\",\"effective_instagram_media_id\":\"17900000000000001\",\"instagram_permalink_url\":\"https://www.instagram.com/p/Cx1/\"}},"
                    + "{\"id\":\"2386\",\"effective_status\":\"PAUSED\",\"creative\":{\"id\":\"9982\",\"effective_instagram_media_id\":\"17900000000000009\"}}],"
                    + "\"paging\":{\"cursors\":{\"before\":\"MA\",\"after\":\"MQ\"}}}"),
                _ when path.EndsWith("/17900000000000001", StringComparison.Ordinal) => Feed.Write(ctx, "{\"id\":\"17900000000000001\",\"caption\":\"Winter sale\",\"timestamp\":\"" + T(at.AddDays(-20)) + "\",\"permalink\":\"https://www.instagram.com/p/Cx1/\",\"username\":\"acme.outdoor\"}"),
                _ when path.EndsWith("/17900000000000001/comments", StringComparison.Ordinal) => Feed.Write(ctx,
                    "{\"data\":[{\"id\":\"17870913679156914\",\"text\":\"Is this in stock?\",\"timestamp\":\"" + T(at.AddHours(1)) + "\",\"username\":\"buyer1\",\"from\":{\"id\":\"900001\",\"username\":\"buyer1\"},\"hidden\":false,"
                    + "\"replies\":{\"data\":[{\"id\":\"17870913679156915\",\"text\":\"Yes, all sizes.\",\"timestamp\":\"" + T(at.AddHours(2)) + "\",\"username\":\"acme.outdoor\",\"from\":{\"id\":\"17841499999999999\",\"username\":\"acme.outdoor\"},\"hidden\":false}]}},"
                    + "{\"id\":\"17870913679156916\",\"text\":\"scam\",\"timestamp\":\"" + T(at.AddHours(3)) + "\",\"username\":\"bot\",\"hidden\":true}],"
                    + "\"paging\":{\"cursors\":{\"before\":\"QVFI\",\"after\":\"QVFJ\"}}}"),
                _ => Feed.Write(ctx, "{\"data\":[]}"),
            };
        };
        await using var app = await TestApp.StartAsync(Instagram(server));

        var outcome = (await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None)).Channels.Single();

        Assert.True(outcome.Succeeded, outcome.Error);
        var ads = Assert.Single(server.Requests, r => r.PathAndQuery.Contains("/act_123/ads?", StringComparison.Ordinal));
        Assert.Contains("creative{effective_instagram_media_id}", Uri.UnescapeDataString(ads.PathAndQuery), StringComparison.Ordinal);
        Assert.Single(server.Requests, r => r.PathAndQuery.StartsWith("/v26.0/17900000000000009/comments", StringComparison.Ordinal));   // read once
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.StartsWith("/v26.0/17900000000000009?", StringComparison.Ordinal));
        Assert.Equal(5, outcome.ItemsStored);   // organic medium, ad medium, two comments, one reply
        Assert.Equal((Account, ItemKind.Post), ((await Stored(app, "ig", "17900000000000001")).AuthorId, (await Stored(app, "ig", "17900000000000001")).Kind));
        Assert.Equal((Account, "17870913679156914"), ((await Stored(app, "ig", "17870913679156915")).AuthorId, (await Stored(app, "ig", "17870913679156915")).ParentId));
        Assert.Equal(ItemState.Hidden, (await Stored(app, "ig", "17870913679156916")).State);
    }

    /// <summary>
    /// Ads reads are throttled per ad account: code 80004 ("There have been too many calls to this ad-account",
    /// https://developers.facebook.com/documentation/ads-commerce/marketing-api/reference/ad-account/promote_pages, error
    /// codes) and 613/1487742 (https://developers.facebook.com/docs/marketing-api/overview/rate-limiting) pause the
    /// channel; <c>estimated_time_to_regain_access</c> in x-business-use-case-usage sets how long.
    /// </summary>
    [Theory]
    [InlineData("{\"error\":{\"message\":\"There have been too many calls to this ad-account. Wait a bit and try again.\",\"type\":\"OAuthException\",\"code\":80004,\"error_subcode\":2446079,\"fbtrace_id\":\"AbC\"}}", 59)]
    [InlineData("{\"error\":{\"message\":\"There have been too many calls from this ad-account. Please wait a bit and try again.\",\"type\":\"OAuthException\",\"code\":613,\"error_subcode\":1487742,\"fbtrace_id\":\"AbC\"}}", 59)]
    public async Task Ads_throttling_pauses_the_channel(string error, int minutes)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            if (ctx.Request.Path.Value!.EndsWith("/ads", StringComparison.Ordinal))
            {
                ctx.Response.Headers["x-business-use-case-usage"] = "{\"123\":[{\"type\":\"ads_management\",\"call_count\":100,\"total_cputime\":30,\"total_time\":40,\"estimated_time_to_regain_access\":60}]}";
                return Feed.Write(ctx, error, 400);
            }

            return Feed.Write(ctx, ctx.Request.Path.Value.EndsWith("/debug_token", StringComparison.Ordinal) ? "{\"data\":{\"type\":\"USER\",\"is_valid\":true,\"expires_at\":0}}" : "{\"data\":[]}");
        };
        await using var app = await TestApp.StartAsync(Instagram(server));

        var outcome = (await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None)).Channels.Single();

        Assert.False(outcome.Succeeded);
        Assert.Contains("rate-limited reading Graph ads page 1", outcome.Error, StringComparison.Ordinal);
        Assert.True((await app.Get<IChannelStateStore>().GetAsync("ig", CancellationToken.None))!.PausedUntil > DateTimeOffset.UtcNow.AddMinutes(minutes));
    }

    [Theory]
    [InlineData("instagram", "adAccountId", null, "an instagram channel needs Settings:adAccountId.")]
    [InlineData("instagram", "adAccountId", "act_12x", "Settings:adAccountId '12x' is not an ad account id")]
    [InlineData("instagram", "includeAds", "yes", "Settings:includeAds 'yes' is not true or false.")]
    public async Task Ad_settings_are_checked_at_start_up(string kind, string setting, string? value, string expected)
    {
        await using var server = await LoopbackServer.StartAsync();
        var settings = Instagram(server);
        Assert.Equal(kind, settings["Monitor:Channels:0:Kind"]);
        settings[$"Monitor:Channels:0:Settings:{setting}"] = value;

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => TestApp.StartAsync(settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
