using ResponseMonitor.App.Hosting;
using ResponseMonitor.App.Functions;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>The dashboard API end to end: keys, error answers, and figures checked against a hand computation.</summary>
public sealed class ApiTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("/api/dashboard")]
    [InlineData("/api/channels/ch")]
    [InlineData("/api/unanswered")]
    [InlineData("/api/warnings")]
    public async Task Every_route_but_health_and_webhooks_needs_the_key(string path)
    {
        await using var app = await TestApp.StartAsync(TestApp.Merge(
            TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")),
            new Dictionary<string, string?> { ["Hosting:Triggers"] = "true", ["PollSchedule"] = "0 0 0 1 1 *", ["RunOnStartup"] = "false" }));

        using var missing = await app.Anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, path);
        wrong.Headers.Add("x-api-key", "not-the-key-at-all");
        using var wrongResponse = await app.Anonymous.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
        Assert.Contains("not valid", await wrongResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var ok = await app.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        using var health = await app.Anonymous.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("/api/unanswered?critical=maybe", 400, "'critical' must be 'true' or 'false'")]
    [InlineData("/api/unanswered?limit=0", 400, "'limit' must be a whole number from 1 to 1000")]
    [InlineData("/api/unanswered?limit=abc", 400, "'limit' must be a whole number")]
    [InlineData("/api/unanswered?colour=red", 400, "Unknown query parameter 'colour'")]
    [InlineData("/api/unanswered?channel=nope", 404, "No channel 'nope'")]
    [InlineData("/api/warnings?state=sleeping", 400, "'state' must be active, pending, firing, resolved, inactive or all")]
    [InlineData("/api/warnings/history?channel=nope", 404, "No channel 'nope'")]
    [InlineData("/api/warnings?channel=nope", 404, "No channel 'nope'")]
    [InlineData("/api/channels/nope", 404, "No channel 'nope'")]
    public async Task Bad_requests_get_a_problem_that_names_the_fault(string path, int status, string expected)
    {
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")));

        using var response = await app.Client.GetAsync(path);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_reports_hand_computed_figures_with_ages_at_request_time()
    {
        var time = new FakeTimeProvider(Now);
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(
        [
            Feed.Post("p1", "brand", Now.AddHours(-30)),
            Feed.Comment("a", "p1", "u1", Now.AddHours(-29)),                       // answered after 1 h
            Feed.Comment("ra", "a", "brand", Now.AddHours(-28)),
            Feed.Comment("b", "p1", "u2", Now.AddHours(-20)),                       // answered after 3 h
            Feed.Comment("rb", "b", "brand", Now.AddHours(-17)),
            Feed.Comment("c", "p1", "u3", Now.AddHours(-26), "Still waiting for my refund. Worst service!"), // critic, 26 h
            Feed.Comment("d", "p1", "u4", Now.AddHours(-2), "Do you open on Sunday?"),  // question, 2 h
        ]));
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed")), time);

        await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("ch", CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(10));

        var dashboard = await app.GetJsonAsync("/api/dashboard");
        var ch = dashboard["channels"]![0]!;
        Assert.Equal(2, ch["openCount"]!.GetValue<int>());
        Assert.Equal(1, ch["criticalOpenCount"]!.GetValue<int>());
        Assert.Equal((26 * 3600) + 600, ch["oldestOpenAgeSeconds"]!.GetValue<double>());
        Assert.Equal(2 * 3600, ch["medianFirstResponseSeconds"]!.GetValue<double>());          // (1 h + 3 h) / 2
        Assert.Equal(3600 + (0.9 * 7200), ch["p90FirstResponseSeconds"]!.GetValue<double>());   // 1 h + 0.9 × 2 h
        Assert.Equal(0.5, ch["responseRate"]!.GetValue<double>());                              // 2 of a, b, c, d
        Assert.Equal((17 * 3600) + 600, ch["silentForSeconds"]!.GetValue<double>());
        Assert.Equal(Now.AddHours(-17), ch["lastBrandActivityAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("critic-ignored", ch["activeWarnings"]![0]!["rule"]!.GetValue<string>());

        var unanswered = await app.GetJsonAsync("/api/unanswered?critical=true");
        Assert.Equal(1, unanswered["total"]!.GetValue<int>());
        var item = unanswered["items"]![0]!;
        Assert.Equal(("c", "critical", "en"), (item["id"]!.GetValue<string>(), item["criticLabel"]!.GetValue<string>(), item["language"]!.GetValue<string>()));
        Assert.Equal((26 * 3600) + 600, item["ageSeconds"]!.GetValue<double>());

        var all = await app.GetJsonAsync("/api/unanswered?channel=ch&limit=1");
        Assert.Equal(2, all["total"]!.GetValue<int>());
        Assert.Equal("c", Assert.Single(all["items"]!.AsArray())!["id"]!.GetValue<string>());

        var detail = await app.GetJsonAsync("/api/channels/ch");
        Assert.Equal(["c", "d"], detail["unanswered"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Storage_down_answers_503_and_the_app_keeps_serving()
    {
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")), storage: AzuriteEnvironment.Unreachable);

        using var dashboard = await app.Client.GetAsync("/api/dashboard");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, dashboard.StatusCode);
        Assert.Equal("application/problem+json", dashboard.Content.Headers.ContentType?.MediaType);

        using var health = await app.Anonymous.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        // The standalone timer survives the outage: the tick reports it did not run, and the next one retries.
        Assert.False(await app.Get<App.Standalone.PollScheduler>().TickAsync(CancellationToken.None));
        await Assert.ThrowsAnyAsync<Exception>(() => app.Services.GetQueueListener(FunctionNames.AnalyzeChannel).RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Nothing_that_runs_work_is_reachable_without_the_key()
    {
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")));
        var endpoints = app.App.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var method = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Single();
            var path = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p is Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal ? literal.Content : "ch"))));
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "POST" ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : null };
            using var response = await app.Anonymous.SendAsync(request);
            // Health, webhooks (signed) and the page's static files (no data; the page asks for the key) are open.
            var anonymous = path is "/api/health" or "/" || path.StartsWith("/api/webhooks/", StringComparison.Ordinal) || path.StartsWith("/api/ui/", StringComparison.Ordinal);
            Assert.True(anonymous || response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode} without a key.");
        }

        // The custom handler's trigger paths are gone, and nothing answers in their place.
        foreach (var path in new[] { "/PollChannels", "/AnalyzeChannel", "/api/PollChannels", "/admin/functions/PollChannels" })
        {
            using var response = await app.Anonymous.PostAsync(path, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized, $"POST {path} answered {(int)response.StatusCode}.");
        }
    }

    [Fact]
    public async Task The_api_takes_its_key_from_x_api_key_or_bearer_only()
    {
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")));

        using var google = new HttpRequestMessage(HttpMethod.Get, "/api/dashboard");
        google.Headers.Add("X-goog-api-key", TestApp.ApiKey);
        using var refused = await app.Anonymous.SendAsync(google);
        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/dashboard");
        bearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestApp.ApiKey);
        using var accepted = await app.Anonymous.SendAsync(bearer);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }
}
