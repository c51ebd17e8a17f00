using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ResponseMonitor.App.Api.Webhooks;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// Issue 27, defect 4: a replayed signed push rolled an edited item back (v1, v2 edited later, v1's exact bytes
/// again). No path (push, poll, import) may let an older version (editedAt, else createdAt) replace a newer one, and
/// the generic feed's push may carry a signed timestamp that refuses stale deliveries (docs/GENERIC_FEED.md).
/// </summary>
public sealed partial class ReliabilityTests
{
    private static readonly DateTimeOffset Created = DateTimeOffset.UtcNow.AddHours(-3);

    private static JsonObject Version(string text, DateTimeOffset? editedAt)
    {
        var item = Feed.Comment("c1", "p1", "u1", Created.AddMinutes(1), text);
        if (editedAt is { } edited)
        {
            item["editedAt"] = edited.ToString("O");
        }

        return item;
    }

    private static async Task<string> StoredTextAsync(TestApp app) =>
        (await app.Get<IItemStore>().GetAsync("ch", ["c1"], CancellationToken.None))["c1"].Text;

    [Fact]
    public async Task A_replayed_push_of_an_older_version_leaves_the_newer_one_stored()
    {
        await using var app = await PushAppAsync();
        var v1 = Feed.Page([Feed.Post("p1", "brand", Created), Version("first words", null)]);
        var v2 = Feed.Page([Version("edited words", Created.AddHours(1))]);

        Assert.Equal(HttpStatusCode.Accepted, (await PushAsync(app, v1)).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await PushAsync(app, v2)).Status);
        var replay = await PushAsync(app, v1);

        Assert.Equal(HttpStatusCode.Accepted, replay.Status);   // the sender gets no reason to resend it again
        Assert.Equal("edited words", await StoredTextAsync(app));
        Assert.Equal(HttpStatusCode.Accepted, (await PushAsync(app, v2)).Status);   // the same version again: idempotent
        Assert.Equal("edited words", await StoredTextAsync(app));
    }

    [Fact]
    public async Task Neither_a_stale_feed_page_nor_an_old_export_replaces_a_newer_version()
    {
        await using var feed = await LoopbackServer.StartAsync();
        var page = Feed.Page([Feed.Post("p1", "brand", Created), Version("first words", null)]);
        feed.Handler = ctx => Feed.Write(ctx, page);
        await using var app = await PushAppAsync(feed.Url("/feed"));
        Assert.Equal(HttpStatusCode.Accepted, (await PushAsync(app, Feed.Page([Feed.Post("p1", "brand", Created), Version("edited words", Created.AddHours(1))]))).Status);

        await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);
        Assert.Equal("edited words", await StoredTextAsync(app));

        using var import = await app.Client.PostAsync("/api/import/ch", new StringContent(Version("from an old export", Created.AddMinutes(30)).ToJsonString(), Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Equal("edited words", await StoredTextAsync(app));

        using var newer = await app.Client.PostAsync("/api/import/ch", new StringContent(Version("edited again", Created.AddHours(2)).ToJsonString(), Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal("edited again", await StoredTextAsync(app));
    }

    private static async Task<HttpStatusCode> SignedPushAsync(TestApp app, string page, long? timestamp, bool signTimestamp = true)
    {
        var bytes = Encoding.UTF8.GetBytes(page);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/ch") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        request.Headers.Add(WebhookSignature.HeaderName, timestamp is { } t && signTimestamp ? WebhookSignature.Compute(PushSecret, t, bytes) : WebhookSignature.Compute(PushSecret, bytes));
        if (timestamp is { } at)
        {
            request.Headers.Add(WebhookSignature.TimestampHeaderName, at.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var response = await app.Anonymous.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_signed_timestamp_refuses_a_stale_or_replayed_push_and_a_channel_may_require_it()
    {
        var settings = TestApp.Merge(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed"), webhookSecret: PushSecret), new Dictionary<string, string?> { ["Monitor:Channels:0:Settings:requireSignedTimestamp"] = "true" });
        await using var app = await TestApp.StartAsync(settings);
        var page = Feed.Page([Feed.Post("p1", "brand", Created)]);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        Assert.Equal(HttpStatusCode.Accepted, await SignedPushAsync(app, page, now));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignedPushAsync(app, page, now - 600));       // signed ten minutes ago: stale
        Assert.Equal(HttpStatusCode.Unauthorized, await SignedPushAsync(app, page, now, signTimestamp: false));   // a fresh time on old bytes
        Assert.Equal(HttpStatusCode.Unauthorized, await SignedPushAsync(app, page, null));            // required here
    }

    [Fact]
    public async Task Without_the_setting_a_push_signed_over_the_body_alone_is_still_taken()
    {
        await using var app = await PushAppAsync();
        var page = Feed.Page([Feed.Post("p1", "brand", Created)]);

        Assert.Equal(HttpStatusCode.Accepted, await SignedPushAsync(app, page, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignedPushAsync(app, page, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3600));
    }
}
