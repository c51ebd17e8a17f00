using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// <c>GET /api/metrics/daily</c>, which draws the page's "first response per day": a message belongs to the day it
/// arrived in its channel's time zone, and its answer counts whenever it came (docs/METRICS.md, "Days"). Hand-computed.
/// </summary>
public sealed class DailyMetricsTests
{
    // Wednesday 14 January 2026, 07:00 in New York (EST, UTC-5).
    private static readonly DateTimeOffset Now = new(2026, 1, 14, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_day_is_the_channels_local_day_and_an_answer_after_midnight_still_counts_for_it()
    {
        await using var app = await TestApp.StartAsync(TestApp.Merge(
            TestApp.Channel(0, "ny", new Uri("http://127.0.0.1:1/feed")),
            new Dictionary<string, string?>
            {
                ["Monitor:Channels:0:BusinessHours:TimeZone"] = "America/New_York",
                ["Monitor:Channels:0:BusinessHours:Monday"] = "09:00-17:00",
                ["Monitor:Channels:0:BusinessHours:Tuesday"] = "09:00-17:00",
                ["Monitor:Channels:0:BusinessHours:Wednesday"] = "09:00-17:00",
                ["Monitor:Channels:0:BusinessHours:Thursday"] = "09:00-17:00",
                ["Monitor:Channels:0:BusinessHours:Friday"] = "09:00-17:00",
            }), new FakeTimeProvider(Now));

        // c1: Monday 12 January 22:30 in New York (Tuesday 03:30 UTC), answered 2 h later, after both midnights.
        // c2: Tuesday 13 January 09:00 in New York, answered 30 min later.
        const string Csv = """
            id,parentId,authorId,createdAt,text
            p1,,brand,2026-01-10T12:00:00Z,New tents in store
            c1,p1,u1,2026-01-13T03:30:00Z,Where is my order?
            r1,c1,brand,2026-01-13T05:30:00Z,On its way
            c2,p1,u2,2026-01-13T14:00:00Z,Do you ship to Canada?
            r2,c2,brand,2026-01-13T14:30:00Z,Yes we do
            """;
        using var content = new StringContent(Csv, Encoding.UTF8, "text/csv");
        using var imported = await app.Client.PostAsync("/api/import/ny", content);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());

        var days = (await app.GetJsonAsync("/api/metrics/daily?days=3"))["days"]!.AsArray();

        Assert.Equal(["2026-01-12", "2026-01-13", "2026-01-14"], days.Select(d => d!["date"]!.GetValue<string>()).ToArray());
        static (int Count, double? Median) First(JsonNode? day) =>
            (day!["metrics"]!["firstResponse"]!["wall"]!["count"]!.GetValue<int>(), day["metrics"]!["firstResponse"]!["wall"]!["medianSeconds"]?.GetValue<double>());
        Assert.Equal((1, 7200d), First(days[0]));   // c1, on its local Monday, though it arrived on a UTC Tuesday
        Assert.Equal((1, 1800d), First(days[1]));   // c2
        Assert.Equal((0, null), First(days[2]));
        Assert.Equal(1, days[0]!["metrics"]!["answeredCount"]!.GetValue<int>());

        // Bad requests name the fault.
        using var bad = await app.Client.GetAsync("/api/metrics/daily?days=400");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        using var unknown = await app.Client.GetAsync("/api/metrics/daily?channel=nope");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Order_due_lists_the_soonest_breach_first_with_its_rule()
    {
        // Critic threshold 1 day, response target 48 h (the defaults): a critic breaches a day after it arrived.
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")), new FakeTimeProvider(Now));
        const string Csv = """
            id,parentId,authorId,createdAt,text
            p1,,brand,2026-01-10T12:00:00Z,New tents in store
            q1,p1,u1,2026-01-13T00:00:00Z,Do you ship to Canada?
            q2,p1,u2,2026-01-13T10:00:00Z,This is the worst service ever. I want a refund now!
            q3,p1,u3,2026-01-12T06:00:00Z,Which size fits a family of four?
            """;
        using var content = new StringContent(Csv, Encoding.UTF8, "text/csv");
        using var imported = await app.Client.PostAsync("/api/import/ch", content);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        await app.Get<App.Functions.AnalyzeChannelFunction>().RunAsync("{\"channelId\":\"ch\",\"reason\":\"t\",\"requestedAt\":\"2026-01-14T12:00:00Z\"}", CancellationToken.None);

        var items = (await app.GetJsonAsync("/api/unanswered?order=due"))["items"]!.AsArray();

        // q3 is due 14 Jan 06:00 (48 h target, breached 6 h ago); q2, a critic, 14 Jan 10:00 (24 h); q1 15 Jan 00:00.
        Assert.Equal(["q3", "q2", "q1"], items.Select(i => i!["id"]!.GetValue<string>()).ToArray());
        Assert.Equal(("response-target", -6 * 3600d), (items[0]!["dueRule"]!.GetValue<string>(), items[0]!["dueInSeconds"]!.GetValue<double>()));
        Assert.Equal(("critic-ignored", -2 * 3600d), (items[1]!["dueRule"]!.GetValue<string>(), items[1]!["dueInSeconds"]!.GetValue<double>()));
        Assert.Equal(12 * 3600d, items[2]!["dueInSeconds"]!.GetValue<double>());
        var oldest = (await app.GetJsonAsync("/api/unanswered"))["items"]!.AsArray();
        Assert.Equal(["q3", "q1", "q2"], oldest.Select(i => i!["id"]!.GetValue<string>()).ToArray());
    }
}
