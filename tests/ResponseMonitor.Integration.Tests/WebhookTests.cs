using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using ResponseMonitor.App.Api;
using ResponseMonitor.App.Api.Webhooks;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Integration.Tests.Infrastructure;
using ResponseMonitor.Storage;

namespace ResponseMonitor.Integration.Tests;

/// <summary>Push: signed over the raw bytes, all-or-nothing, and one comment however it arrives.</summary>
public sealed class WebhookTests
{
    private const string Secret = "webhook-secret-for-tests";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static async Task<int> StoredItems(TestApp app)
    {
        var table = app.Get<StorageClients>().Tables.GetTableClient(app.Prefix + "Items");
        await table.CreateIfNotExistsAsync();
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>())
        {
            count++;
        }

        return count;
    }

    private static HttpRequestMessage Push(string channel, string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{channel}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add(WebhookSignature.HeaderName, signature);
        }

        return request;
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body, string? ContentType)> SendAsync(TestApp app, HttpRequestMessage request)
    {
        using var response = await app.Anonymous.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text)!, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_signed_push_is_stored_and_a_later_poll_of_the_same_comment_adds_nothing()
    {
        await using var feed = await LoopbackServer.StartAsync();
        var page = Feed.Page([Feed.Post("p1", "brand", T0), Feed.Comment("c1", "p1", "u1", T0.AddMinutes(3))]);
        feed.Handler = ctx => Feed.Write(ctx, page);
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed"), webhookSecret: Secret));

        // Signed over the exact bytes sent, odd whitespace included.
        var body = "{ \"items\": [" + Feed.Comment("c1", "p1", "u1", T0.AddMinutes(3)).ToJsonString() + "] }";
        var (status, json, _) = await SendAsync(app, Push("ch", body, WebhookSignature.Compute(Secret, Encoding.UTF8.GetBytes(body))));

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(1, json["stored"]!.GetValue<int>());
        Assert.Equal(1, await StoredItems(app));

        await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);
        Assert.Equal(2, await StoredItems(app));
    }

    [Theory]
    [InlineData(null, "header is missing")]
    [InlineData("sha256=00", "64 hex digits")]
    [InlineData("sha1=abc", "64 hex digits")]
    [InlineData("sha256=zz00000000000000000000000000000000000000000000000000000000000000", "64 hex digits")]
    [InlineData("WRONG-SECRET", "does not match")]
    public async Task A_bad_or_missing_signature_is_401_and_stores_nothing(string? signature, string expected)
    {
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed"), webhookSecret: Secret));
        var body = Feed.Page([Feed.Comment("c1", "p1", "u1", T0)]);
        var header = signature == "WRONG-SECRET" ? WebhookSignature.Compute("another-secret", Encoding.UTF8.GetBytes(body)) : signature;

        var (status, json, contentType) = await SendAsync(app, Push("ch", body, header));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Contains(expected, json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await StoredItems(app));
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_rejected()
    {
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed"), webhookSecret: Secret));
        var body = Feed.Page([Feed.Comment("c1", "p1", "u1", T0)]);
        var signature = WebhookSignature.Compute(Secret, Encoding.UTF8.GetBytes(body));

        var (status, _, _) = await SendAsync(app, Push("ch", body.Replace("c1", "c2", StringComparison.Ordinal), signature));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Theory]
    [InlineData("{\"items\":[", HttpStatusCode.BadRequest, "not valid feed JSON")]
    [InlineData("{\"items\":[{\"id\":\"a\",\"authorId\":\"u\",\"createdAt\":\"2026-03-01T00:00:00Z\"},{\"id\":\"b\",\"createdAt\":\"2026-03-01T00:00:00Z\"}]}", HttpStatusCode.BadRequest, "items[1] has no 'authorId'")]
    [InlineData("{\"posts\":[]}", HttpStatusCode.BadRequest, "no 'items' array")]
    public async Task A_signed_but_malformed_body_is_400_naming_the_fault_and_stores_nothing(string body, HttpStatusCode expectedStatus, string expected)
    {
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed"), webhookSecret: Secret));

        var (status, json, contentType) = await SendAsync(app, Push("ch", body, WebhookSignature.Compute(Secret, Encoding.UTF8.GetBytes(body))));

        Assert.Equal(expectedStatus, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Contains(expected, json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await StoredItems(app));
    }

    [Fact]
    public async Task Unknown_channels_and_channels_without_a_secret_refuse_pushes()
    {
        await using var app = await TestApp.StartAsync(TestApp.Merge(
            TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed"), webhookSecret: Secret),
            TestApp.Channel(1, "poll-only", new Uri("http://127.0.0.1:1/feed"))));
        var body = Feed.Page([]);

        var unknown = await SendAsync(app, Push("nope", body, WebhookSignature.Compute(Secret, Encoding.UTF8.GetBytes(body))));
        var pollOnly = await SendAsync(app, Push("poll-only", body, WebhookSignature.Compute(Secret, Encoding.UTF8.GetBytes(body))));
        var wrong = await SendAsync(app, Push("ch", body, WebhookSignature.Compute("not-the-secret", Encoding.UTF8.GetBytes(body))));

        // An unauthenticated caller cannot tell which channel ids exist or take pushes: the three answers are one.
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        static (HttpStatusCode, string?, string?) Answer((HttpStatusCode Status, JsonNode Body, string? ContentType) r) =>
            (r.Status, r.Body["title"]?.GetValue<string>(), r.Body["detail"]?.GetValue<string>());
        Assert.Equal(Answer(unknown), Answer(pollOnly));
        Assert.Equal(Answer(unknown), Answer(wrong));
        Assert.DoesNotContain("nope", unknown.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, await StoredItems(app));
    }

    [Fact]
    public async Task An_oversized_body_is_413()
    {
        await using var app = await TestApp.StartAsync(TestApp.Merge(
            TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed"), webhookSecret: Secret),
            new Dictionary<string, string?> { ["Api:MaxWebhookBytes"] = "1000" }));
        var body = Feed.Page([Feed.Comment("c1", "p1", "u1", T0, new string('x', 2000))]);

        var (status, _, _) = await SendAsync(app, Push("ch", body, WebhookSignature.Compute(Secret, Encoding.UTF8.GetBytes(body))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }
}
