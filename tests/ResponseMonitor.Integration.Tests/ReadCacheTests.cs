using ResponseMonitor.App.Hosting;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.App.Api.ReadCache;
using ResponseMonitor.App.Functions;
using ResponseMonitor.App.Standalone;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// The dashboard's reads under load (issue "Hold under load"): 200 clients polling the dashboard must cost storage
/// what one does, a client that holds the answer gets 304, an analysis shows after one refresh in its instance
/// (nobody waits for it) and within two lifetimes in any other.
/// </summary>
public sealed class ReadCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static async Task<(LoopbackServer Feed, List<JsonObject> Items)> StartFeedAsync()
    {
        var feed = await LoopbackServer.StartAsync();
        var items = new List<JsonObject> { Feed.Post("p1", "brand", Now.AddDays(-2)) };
        items.AddRange(Enumerable.Range(1, 12).Select(i => Feed.Comment($"c{i}", "p1", $"u{i}", Now.AddDays(-2).AddMinutes(i), "Terrible service, still no refund, awful!")));
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(items.ToList()));
        return (feed, items);
    }

    private static async Task PollAndAnalyzeAsync(TestApp app)
    {
        await app.Get<PollChannelsFunction>().RunAsync(CancellationToken.None);
        await TestApp.DrainPollQueueAsync(app);
        while (await app.Services.GetQueueListener(FunctionNames.AnalyzeChannel).RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    [Theory]
    [InlineData("/api/dashboard", "5", true)]
    [InlineData("/api/unanswered?limit=50", "5", true)]
    [InlineData("/api/channels/ch", "5", true)]
    [InlineData("/api/dashboard", "0", false)]
    public async Task Concurrent_reads_cost_storage_what_one_read_does_while_the_cache_is_on(string path, string seconds, bool shared)
    {
        var (feed, _) = await StartFeedAsync();
        await using var _feed = feed;
        var counter = new StorageRequestCounter();
        await using var app = await TestApp.StartAsync(
            TestApp.Merge(TestApp.Channel(0, "ch", feed.Url("/feed")), new Dictionary<string, string?> { ["Api:ReadCacheSeconds"] = seconds }),
            new FakeTimeProvider(Now),
            configure: services => services.AddSingleton<HttpPipelinePolicy>(counter));
        await PollAndAnalyzeAsync(app);

        counter.Reset();
        var single = await app.Client.GetStringAsync(path);
        var one = counter.Count;
        app.Get<ApiReadCache>().Invalidate();

        counter.Reset();
        var bodies = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => app.Client.GetStringAsync(path)));
        var many = counter.Count;

        Assert.True(one > 0, "one read goes to storage");
        Assert.Equal(shared ? one : one * 40, many);
        Assert.All(bodies, b => Assert.Equal(single, b));
        Assert.NotEqual(0, JsonNode.Parse(single)!.ToJsonString().Length);
    }

    [Fact]
    public async Task A_client_that_holds_the_answer_gets_304_and_a_changed_answer_gets_200()
    {
        var (feed, items) = await StartFeedAsync();
        await using var _feed = feed;
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed")), new FakeTimeProvider(Now));
        await PollAndAnalyzeAsync(app);

        using var first = await app.Client.GetAsync("/api/dashboard");
        var etag = first.Headers.ETag!;
        Assert.True(first.Headers.CacheControl!.Private);
        Assert.Equal(TimeSpan.FromSeconds(5), first.Headers.CacheControl.MaxAge);
        Assert.False(etag.IsWeak);

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/api/dashboard");
        revalidate.Headers.IfNoneMatch.Add(etag);
        using var notModified = await app.Client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        // Something changed: once refreshed, the old tag no longer matches.
        items.Add(Feed.Comment("c13", "p1", "u13", Now.AddMinutes(-5), "Is the shop open?"));
        await PollAndAnalyzeAsync(app);
        HttpResponseMessage changed;
        for (var i = 0; ; i++)
        {
            using var again = new HttpRequestMessage(HttpMethod.Get, "/api/dashboard");
            again.Headers.IfNoneMatch.Add(etag);
            changed = await app.Client.SendAsync(again);
            if (changed.StatusCode != HttpStatusCode.NotModified || i == 500)
            {
                break;
            }

            changed.Dispose();
            await Task.Delay(20);
        }

        using var _changed = changed;
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Equal(13, JsonNode.Parse(await changed.Content.ReadAsStringAsync())!["openCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_client_that_accepts_gzip_gets_the_same_json_gzipped()
    {
        var (feed, _) = await StartFeedAsync();
        await using var _feed = feed;
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed")), new FakeTimeProvider(Now));
        await PollAndAnalyzeAsync(app);

        var plain = await app.Client.GetByteArrayAsync("/api/unanswered");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/unanswered");
        request.Headers.AcceptEncoding.ParseAdd("br;q=1.0, gzip;q=0.8");
        using var response = await app.Client.SendAsync(request);
        var zipped = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.True(zipped.Length < plain.Length / 3, $"{zipped.Length} of {plain.Length} bytes");
        using var unzip = new System.IO.Compression.GZipStream(new MemoryStream(zipped), System.IO.Compression.CompressionMode.Decompress);
        using var copy = new MemoryStream();
        await unzip.CopyToAsync(copy);
        Assert.Equal(plain, copy.ToArray());

        using var refused = new HttpRequestMessage(HttpMethod.Get, "/api/unanswered");
        refused.Headers.AcceptEncoding.ParseAdd("gzip;q=0");
        using var identity = await app.Client.SendAsync(refused);
        Assert.Empty(identity.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_change_shows_at_once_where_it_was_made_and_within_the_lifetime_in_another_instance()
    {
        var (feed, items) = await StartFeedAsync();
        await using var _feed = feed;
        var time = new FakeTimeProvider(Now);
        var prefix = TestApp.NewPrefix();
        var settings = TestApp.Channel(0, "ch", feed.Url("/feed"));
        await using var reader = await TestApp.StartAsync(settings, time, sharedPrefix: prefix);
        await using var writer = await TestApp.StartAsync(settings, time, sharedPrefix: prefix);

        Assert.Equal(0, await OpenCountAsync(reader));

        // Another instance analyses: this one refreshes once its answer is older than the lifetime, serving the old
        // answer while the refresh runs.
        await PollAndAnalyzeAsync(writer);
        Assert.Equal(0, await OpenCountAsync(reader));
        time.Advance(TimeSpan.FromSeconds(5));
        await EventuallyOpenCountAsync(reader, before: 0, after: 12);

        // An answer older than two lifetimes is never served: the first read after that waits for a fresh one.
        items.Add(Feed.Comment("c13", "p1", "u13", Now.AddMinutes(-5), "Is the shop open?"));
        await PollAndAnalyzeAsync(writer);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(13, await OpenCountAsync(reader));

        // This instance analyses: the next read starts the refresh (the clock stands still here).
        items.Add(Feed.Comment("c14", "p1", "u14", Now.AddMinutes(-4), "Is the shop open?"));
        await PollAndAnalyzeAsync(reader);
        await EventuallyOpenCountAsync(reader, before: 13, after: 14);
    }

    /// <summary>Reads until the count is <paramref name="after"/>; every answer on the way is one or the other.</summary>
    private static async Task EventuallyOpenCountAsync(TestApp app, int before, int after)
    {
        var seen = new List<int>();
        for (var i = 0; i < 500 && seen.LastOrDefault(-1) != after; i++)
        {
            seen.Add(await OpenCountAsync(app));
            await Task.Delay(20);
        }

        Assert.Equal(after, seen[^1]);
        Assert.All(seen, n => Assert.True(n == before || n == after, $"saw {n}"));
    }

    private static async Task<int> OpenCountAsync(TestApp app) => (await app.GetJsonAsync("/api/dashboard"))["openCount"]!.GetValue<int>();
}
