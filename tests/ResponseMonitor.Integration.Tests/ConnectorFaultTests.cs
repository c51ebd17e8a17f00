using Microsoft.AspNetCore.Http;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// Every connector meets the same faults the same way, through the shared PlatformHttp path: the poll fails with a
/// reason, nothing is stored, the cursor stays. A 5xx, a cut body and an HTML page are what any HTTP server may send
/// (RFC 9110 §15.6); each platform's own error bodies are tested in its connector's tests, against its documentation.
/// </summary>
public sealed class ConnectorFaultTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { "generic-feed", "mastodon", "bluesky", "youtube", "reddit", "x", "facebook-page", "instagram" })
        {
            foreach (var fault in new[] { "500", "truncated", "html" })
            {
                data.Add(kind, fault);
            }
        }

        return data;
    }

    private static Dictionary<string, string?> Channel(string kind, Uri server) => new()
    {
        ["Monitor:Channels:0:Id"] = "ch",
        ["Monitor:Channels:0:Kind"] = kind,
        ["Monitor:Channels:0:FeedUrl"] = new Uri(server, "feed").ToString(),
        ["Monitor:Channels:0:Settings:instanceUrl"] = server.ToString(),
        ["Monitor:Channels:0:Settings:accountId"] = "1",
        ["Monitor:Channels:0:Settings:serviceUrl"] = server.ToString(),
        ["Monitor:Channels:0:Settings:actor"] = "brand.example",
        ["Monitor:Channels:0:Settings:apiUrl"] = server.ToString(),
        ["Monitor:Channels:0:Settings:channelId"] = "UC1",
        ["Monitor:Channels:0:Settings:username"] = "brand",
        ["Monitor:Channels:0:Settings:userId"] = "1",
        ["Monitor:Channels:0:Settings:graphUrl"] = server.ToString(),
        ["Monitor:Channels:0:Settings:pageId"] = "1",
        ["Monitor:Channels:0:BrandAuthorIds:0"] = "1",
        ["Monitor:Channels:0:AccessToken"] = kind == "bluesky" ? null : "token",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_fault_fails_the_poll_stores_nothing_and_keeps_the_cursor(string kind, string fault)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => fault switch
        {
            "500" => Feed.Write(ctx, "{\"error\":\"boom\"}", StatusCodes.Status500InternalServerError),
            "truncated" => Feed.Write(ctx, "{\"data\":[{\"id\":\"1\",\"text\":\"cut"),
            _ => WriteHtml(ctx),
        };
        await using var app = await TestApp.StartAsync(Channel(kind, server.BaseAddress));
        var channel = app.Get<IChannelCatalog>().Find("ch")!;

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(channel, null, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Error));
        Assert.DoesNotContain("token", outcome.Error!.Replace("access token", "", StringComparison.OrdinalIgnoreCase).Replace("bearer token", "", StringComparison.OrdinalIgnoreCase), StringComparison.Ordinal);
        Assert.Equal(0, outcome.ItemsStored);
        var state = await app.Get<IChannelStateStore>().GetAsync("ch", CancellationToken.None);
        Assert.Null(state!.Cursor);
        Assert.Equal(1, state.ConsecutiveFailures);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_within_the_poll()
    {
        await using var server = await LoopbackServer.StartAsync();
        var calls = 0;
        server.Handler = ctx =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                ctx.Response.Headers.RetryAfter = "1";
                return Feed.Write(ctx, "{}", StatusCodes.Status429TooManyRequests);
            }

            return Feed.Write(ctx, Feed.Page([Feed.Post("p1", "1", DateTimeOffset.UtcNow)]));
        };
        await using var app = await TestApp.StartAsync(TestApp.Merge(
            Channel("generic-feed", server.BaseAddress),
            new Dictionary<string, string?> { ["Connectors:MaxRetryAttempts"] = "2", ["Connectors:RetryDelay"] = "00:00:00.010" }));

        var started = DateTime.UtcNow;
        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(app.Get<IChannelCatalog>().Find("ch")!, null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(2, calls);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "Retry-After was not honoured.");
    }

    /// <summary>
    /// Permission failures are a person's job, as a refused token is: Graph's code 10 (the app lacks a permission),
    /// 200 (a permission error) and 283 (an extended permission is missing)
    /// (https://developers.facebook.com/docs/graph-api/guides/error-handling, "Error Codes"); a generic feed's 401 and
    /// 403 (RFC 9110 §15.5.2, §15.5.4; docs/GENERIC_FEED.md). The channel is held for
    /// Polling:CredentialRetryInterval and shows credentials-rejected, instead of failing every cycle.
    /// </summary>
    [Theory]
    [InlineData("facebook-page", 400, "{\"error\":{\"message\":\"(#10) Application does not have permission for this action\",\"type\":\"OAuthException\",\"code\":10,\"fbtrace_id\":\"A1\"}}", "code 10")]
    [InlineData("facebook-page", 403, "{\"error\":{\"message\":\"(#200) Requires pages_read_engagement permission to manage the object\",\"type\":\"OAuthException\",\"code\":200,\"fbtrace_id\":\"A2\"}}", "code 200")]
    [InlineData("instagram", 400, "{\"error\":{\"message\":\"(#283) Requires extended permission: instagram_manage_comments\",\"type\":\"OAuthException\",\"code\":283,\"fbtrace_id\":\"A3\"}}", "code 283")]
    [InlineData("generic-feed", 401, "{\"error\":\"unauthorized\"}", "HTTP 401")]
    [InlineData("generic-feed", 403, "{\"error\":\"forbidden\"}", "HTTP 403")]
    public async Task A_permission_failure_is_a_persons_job_like_a_refused_token(string kind, int status, string body, string named)
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value!.EndsWith("debug_token", StringComparison.Ordinal) ? Feed.Write(ctx, "{\"data\":{}}") : Feed.Write(ctx, body, status);
        await using var app = await TestApp.StartAsync(Channel(kind, server.BaseAddress), time);

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(app.Get<IChannelCatalog>().Find("ch")!, null, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains(named, outcome.Error, StringComparison.Ordinal);
        var state = await app.Get<IChannelStateStore>().GetAsync("ch", CancellationToken.None);
        Assert.True(state!.CredentialsRejected);
        Assert.Equal(time.GetUtcNow().AddHours(6), state.PausedUntil);
        Assert.Equal("credentials-rejected", (await app.GetJsonAsync("/api/dashboard"))["channels"]![0]!["pollState"]!.GetValue<string>());
    }

    private static Task WriteHtml(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync("<html><body>Service temporarily unavailable</body></html>");
    }
}
