using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.App.Api.Webhooks;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Privacy;
using ResponseMonitor.Integration.Tests.Infrastructure;
using ResponseMonitor.Storage;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// Issue 24 end to end on Azurite: the not-listening rule, the listening score, handled marks and history past
/// retention, through poll (a loopback generic feed, docs/GENERIC_FEED.md), push (signed webhook) and import.
/// </summary>
public sealed class ListeningTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = Now.AddDays(-7);
    private const string Secret = "listening-webhook-secret";
    private const string Complaint = "Still waiting for my refund, worst service ever!";

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task<(LoopbackServer Feed, List<JsonObject> Items)> FeedAsync(params JsonObject[] items)
    {
        var feed = await LoopbackServer.StartAsync();
        var list = items.ToList();
        // Every poll reads everything again: a re-poll must not undo what a person decided.
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(list));
        return (feed, list);
    }

    private static async Task<JsonNode> PushAsync(TestApp app, string channel, params JsonObject[] items)
    {
        var body = new JsonObject { ["items"] = new JsonArray([.. items]) }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{channel}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(Secret, Encoding.UTF8.GetBytes(body)));
        using var response = await app.Anonymous.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        return JsonNode.Parse(text)!;
    }

    private static async Task PollAndAnalyseAsync(TestApp app, string channel = "ch")
    {
        var outcome = Assert.Single((await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None)).Channels);
        Assert.True(outcome.Succeeded, outcome.Error);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync(channel, CancellationToken.None);
    }

    private static async Task<List<JsonNode>> WarningsAsync(TestApp app, string rule) =>
        [.. (await app.GetJsonAsync($"/api/warnings?rule={rule}&state=all"))["items"]!.AsArray().Select(w => w!)];

    [Fact]
    public async Task Not_listening_fires_on_a_polled_channel_its_score_equals_a_hand_count_and_pushed_answers_resolve_it()
    {
        // docs/WARNINGS.md's low-rate case: four posts, a comment under each, only the first answered (after 1 h).
        var (feed, _) = await FeedAsync(
            Feed.Post("P1", "brand", Start.AddHours(24)), Feed.Comment("c1", "P1", "u1", Start.AddHours(30), "Do you ship to Spain?"), Feed.Comment("r1", "c1", "brand", Start.AddHours(31), "Yes!"),
            Feed.Post("P2", "brand", Start.AddHours(72)), Feed.Comment("c2", "P2", "u2", Start.AddHours(80), "Where is my order?"),
            Feed.Post("P3", "brand", Start.AddHours(120)), Feed.Comment("c3", "P3", "u3", Start.AddHours(125), "Is the shop open on Sunday?"),
            Feed.Post("P4", "brand", Start.AddHours(160)), Feed.Comment("c4", "P4", "u4", Start.AddHours(165), "Any discount for students?"));
        await using var _feed = feed;
        var time = new FakeTimeProvider(Now);
        await using var app = await TestApp.StartAsync(TestApp.Merge(TestApp.Channel(0, "ch", feed.Url("/feed"), webhookSecret: Secret), new Dictionary<string, string?> { ["Monitor:Channels:0:Brand"] = "acme" }), time);

        await PollAndAnalyseAsync(app);
        var warning = Assert.Single(await WarningsAsync(app, "not-listening"));
        Assert.Equal(("firing", "warning"), (warning["state"]!.GetValue<string>(), warning["severity"]!.GetValue<string>()));
        Assert.Equal(
            "The brand posted 4 times in 7 days on Channel ch while 3 comments waited; the oldest has waited 3 d 16 h. It answered 1 of the 4 comments of that time (25%, below 50%).",
            warning["message"]!.GetValue<string>());

        // By hand: posts 4; received c1–c4; answered c1 (1 h: within the 48 h target, not within 15 min); c2 and c3 left
        // waiting past P3 and P4; listened c1 only: 25.0.
        static void AssertHandCount(JsonNode l)
        {
            Assert.Equal((4, 4, 1, 1, 2, 1), (l["postsPublished"]!.GetValue<int>(), l["commentsReceived"]!.GetValue<int>(), l["answered"]!.GetValue<int>(), l["answeredWithinTarget"]!.GetValue<int>(), l["leftWaitingPastNextPost"]!.GetValue<int>(), l["listened"]!.GetValue<int>()));
            Assert.Equal((25.0, 0.25, 3600.0), (l["score"]!.GetValue<double>(), l["shareAnswered"]!.GetValue<double>(), l["medianFirstResponseSeconds"]!.GetValue<double>()));
            Assert.Equal((0, 0.0, 0.9, false), (l["veryResponsive"]!["answeredWithin15Minutes"]!.GetValue<int>(), l["veryResponsive"]!["share"]!.GetValue<double>(), l["veryResponsive"]!["goal"]!.GetValue<double>(), l["veryResponsive"]!["meets"]!.GetValue<bool>()));
        }

        var dashboard = await app.GetJsonAsync("/api/dashboard");
        var channel = dashboard["channels"]![0]!["listening"]!.AsArray();
        Assert.Equal([7, 30], channel.Select(l => l!["days"]!.GetValue<int>()));
        AssertHandCount(channel[0]!);
        AssertHandCount(channel[1]!);
        var brand = Assert.Single(dashboard["brands"]!.AsArray())!;
        Assert.Equal("acme", brand["brand"]!.GetValue<string>());
        AssertHandCount(brand["listening"]![0]!);
        var metrics = await app.GetJsonAsync($"/api/metrics?from={Iso(Start)}&to={Iso(Now)}");
        AssertHandCount(metrics["channels"]![0]!["listening"]!);
        AssertHandCount(metrics["brands"]![0]!["listening"]!);
        AssertHandCount(metrics["listening"]!);

        // The brand answers c2 and c3 by push: 3 of 4 answered and only c4, newer than the latest post, waits.
        time.Advance(TimeSpan.FromMinutes(10));
        var pushed = await PushAsync(app, "ch", Feed.Comment("r2", "c2", "brand", Now.AddMinutes(1), "Shipped today"), Feed.Comment("r3", "c3", "brand", Now.AddMinutes(2), "Yes, 10 to 14"));
        Assert.Equal((2, 0), (pushed["stored"]!.GetValue<int>(), pushed["beyondRetention"]!.GetValue<int>()));
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("ch", CancellationToken.None);
        Assert.Equal("resolved", Assert.Single(await WarningsAsync(app, "not-listening"))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_handled_mark_leaves_the_waiting_list_survives_re_polls_is_audited_and_is_undone_by_delete()
    {
        var (feed, _) = await FeedAsync(
            Feed.Post("p1", "brand", Now.AddDays(-1)),
            Feed.Comment("angry", "p1", "u1", Now.AddHours(-5), Complaint),
            Feed.Comment("q", "p1", "u2", Now.AddHours(-4), "Do you open on Sunday?"));
        await using var _feed = feed;
        var time = new FakeTimeProvider(Now);
        await using var app = await TestApp.StartAsync(TestApp.Merge(TestApp.Channel(0, "ch", feed.Url("/feed")), new Dictionary<string, string?> { ["Monitor:Channels:0:CriticThreshold"] = "01:00:00" }), time);
        await PollAndAnalyseAsync(app);
        Assert.Equal("firing", Assert.Single(await WarningsAsync(app, "critic-ignored"))["state"]!.GetValue<string>());

        async Task<List<string>> WaitingAsync() => [.. (await app.GetJsonAsync("/api/unanswered?channel=ch"))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>())];
        Assert.Equal(["angry", "q"], await WaitingAsync());

        // Marked: gone from the waiting list at once, 201; the same mark again changes nothing, 200.
        time.Advance(TimeSpan.FromMinutes(1));
        var markedAt = time.GetUtcNow();
        using (var created = await app.Client.PostAsJsonAsync("/api/items/ch/angry/handled", new { reason = "escalated", by = "Ana", note = "with legal" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        Assert.Equal(["q"], await WaitingAsync());
        time.Advance(TimeSpan.FromMinutes(1));
        using (var again = await app.Client.PostAsJsonAsync("/api/items/ch/angry/handled", new { reason = "escalated", by = "Ana" }))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            var body = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;
            Assert.Equal(markedAt, body["mark"]!["markedAt"]!.GetValue<DateTimeOffset>());
            Assert.Single(body["history"]!.AsArray());
        }

        // The critic no longer feeds critic-ignored, and a re-poll that reads the comment again keeps it handled.
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("ch", CancellationToken.None);
        Assert.Equal("resolved", Assert.Single(await WarningsAsync(app, "critic-ignored"))["state"]!.GetValue<string>());
        time.Advance(TimeSpan.FromMinutes(5));
        await PollAndAnalyseAsync(app);
        Assert.Equal(["q"], await WaitingAsync());
        Assert.Equal("resolved", Assert.Single(await WarningsAsync(app, "critic-ignored"))["state"]!.GetValue<string>());

        // Counted in the exclusions with who, when and why; still stored in history.
        var exclusions = await app.GetJsonAsync($"/api/metrics/exclusions?channel=ch&from={Iso(Now.AddDays(-2))}");
        var handled = Assert.Single(exclusions["items"]!.AsArray(), i => i!["reason"]!.GetValue<string>() == "handled")!;
        Assert.Equal(("angry", "escalated", "Ana", "with legal", markedAt), (handled["id"]!.GetValue<string>(), handled["handled"]!["reason"]!.GetValue<string>(), handled["handled"]!["markedBy"]!.GetValue<string>(), handled["handled"]!["note"]!.GetValue<string>(), handled["handled"]!["markedAt"]!.GetValue<DateTimeOffset>()));
        Assert.Equal(1, exclusions["counts"]!["handled"]!.GetValue<int>());
        var metrics = (await app.GetJsonAsync($"/api/metrics?channel=ch&from={Iso(Now.AddDays(-2))}"))["channels"]![0]!["metrics"]!;
        Assert.Equal((1, 1), (metrics["answerableCount"]!.GetValue<int>(), metrics["excluded"]!["handled"]!.GetValue<int>()));

        // DELETE undoes it: back on the list at once and, analysed, the critic warns again.
        time.Advance(TimeSpan.FromMinutes(1));
        using (var undone = await app.Client.DeleteAsync("/api/items/ch/angry/handled?by=Ben"))
        {
            Assert.Equal(HttpStatusCode.NoContent, undone.StatusCode);
        }

        Assert.Equal(["angry", "q"], await WaitingAsync());
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("ch", CancellationToken.None);
        Assert.Contains(await WarningsAsync(app, "critic-ignored"), w => w["state"]!.GetValue<string>() is "firing" or "pending");
        var audit = await app.GetJsonAsync("/api/items/ch/angry/handled");
        Assert.False(audit["mark"]!["active"]!.GetValue<bool>());
        Assert.Equal("Ben", audit["mark"]!["undoneBy"]!.GetValue<string>());
        Assert.Equal(["marked", "unmarked"], audit["history"]!.AsArray().Select(h => h!["event"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client.DeleteAsync("/api/items/ch/angry/handled")).StatusCode);

        // Refusals: unknown channel or item, bad reason, no author, the brand's own post, never marked, no key.
        async Task<HttpStatusCode> Post(string path, object body)
        {
            using var response = await app.Client.PostAsJsonAsync(path, body);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.NotFound, await Post("/api/items/nope/angry/handled", new { reason = "spam", by = "Ana" }));
        Assert.Equal(HttpStatusCode.NotFound, await Post("/api/items/ch/nothing-here/handled", new { reason = "spam", by = "Ana" }));
        Assert.Equal(HttpStatusCode.BadRequest, await Post("/api/items/ch/q/handled", new { reason = "ignored", by = "Ana" }));
        Assert.Equal(HttpStatusCode.BadRequest, await Post("/api/items/ch/q/handled", new { reason = "spam" }));
        Assert.Equal(HttpStatusCode.BadRequest, await Post("/api/items/ch/p1/handled", new { reason = "spam", by = "Ana" }));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.DeleteAsync("/api/items/ch/q/handled")).StatusCode);
        using var anonymous = await app.Anonymous.PostAsJsonAsync("/api/items/ch/q/handled", new { reason = "spam", by = "Ana" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(["angry", "q"], await WaitingAsync());
    }

    [Fact]
    public async Task History_older_than_retention_is_reported_and_skipped_by_import_push_and_poll_and_the_sweep_deletes_nothing_later()
    {
        var (feed, items) = await FeedAsync();
        await using var _feed = feed;
        var time = new FakeTimeProvider(Now);
        await using var app = await TestApp.StartAsync(
            TestApp.Merge(TestApp.Channel(0, "ch", feed.Url("/feed"), webhookSecret: Secret), new Dictionary<string, string?> { ["Monitor:Channels:0:RetentionDays"] = "30" }),
            time);

        static string Row(string id, string? parent, string author, DateTimeOffset at) =>
            new JsonObject { ["id"] = id, ["parentId"] = parent, ["authorId"] = author, ["createdAt"] = at.ToString("O", CultureInfo.InvariantCulture), ["text"] = "Is this still on sale?" }.ToJsonString();

        // The brand's old post is kept (retention never removes it); the public's old comment and the brand's old
        // reply are past 30 days; the new comment under the old post is stored.
        var file = string.Join('\n',
            Row("p-old", null, "brand", Now.AddDays(-400)),
            Row("c-old", "p-old", "u1", Now.AddDays(-40)),
            Row("r-old", "c-old", "brand", Now.AddDays(-39)),
            Row("c-new", "p-old", "u2", Now.AddDays(-1))) + "\n";
        using var content = new StringContent(file, Encoding.UTF8, "application/x-ndjson");
        using var imported = await app.Client.PostAsync("/api/import/ch", content);
        var result = JsonNode.Parse(await imported.Content.ReadAsStringAsync())!;
        Assert.Equal((4, 2, 0, 2), (result["rows"]!.GetValue<long>(), result["imported"]!.GetValue<long>(), result["skipped"]!.GetValue<long>(), result["beyondRetention"]!.GetValue<long>()));
        Assert.Contains("keeps what the public wrote for 30 days", result["beyondRetentionReason"]!.GetValue<string>(), StringComparison.Ordinal);

        // Push: an old comment skipped, a new one stored.
        var pushed = await PushAsync(app, "ch", Feed.Comment("c-push-old", "p-old", "u3", Now.AddDays(-31)), Feed.Comment("c-push", "p-old", "u4", Now.AddHours(-2)));
        Assert.Equal((1, 1), (pushed["stored"]!.GetValue<int>(), pushed["beyondRetention"]!.GetValue<int>()));

        // Poll: the same.
        items.Add(Feed.Comment("c-poll-old", "p-old", "u5", Now.AddDays(-35)));
        items.Add(Feed.Comment("c-poll", "p-old", "u6", Now.AddHours(-1)));
        var outcome = Assert.Single((await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None)).Channels);
        Assert.Equal((1, 1), (outcome.ItemsStored, outcome.BeyondRetention));

        var table = app.Get<StorageClients>().Tables.GetTableClient(app.Prefix + "Items");
        async Task<List<string>> StoredAsync()
        {
            var ids = new List<string>();
            await foreach (var row in table.QueryAsync<TableEntity>())
            {
                ids.Add(row.GetString("ItemId"));
            }

            return [.. ids.Order(StringComparer.Ordinal)];
        }

        Assert.Equal(["c-new", "c-poll", "c-push", "p-old"], await StoredAsync());
        // The new comment under the old post still has its own thread, placed by the post in the same import batch.
        var cNew = await table.GetEntityAsync<TableEntity>("ch", "c-new");
        Assert.Equal("c-new", cNew.Value.GetString("ThreadId"));

        // Later, the sweep finds nothing of it to delete, and a window past retention says it is incomplete.
        time.Advance(TimeSpan.FromHours(1));
        var swept = await app.Get<RetentionSweeper>().SweepAsync(app.Get<IChannelCatalog>().Find("ch")!, CancellationToken.None);
        Assert.Equal(0, swept.Items);
        Assert.Equal(["c-new", "c-poll", "c-push", "p-old"], await StoredAsync());
        var past = await app.GetJsonAsync($"/api/metrics?channel=ch&from={Iso(Now.AddDays(-60))}&to={Iso(Now)}");
        Assert.False(past["complete"]!.GetValue<bool>());
        Assert.False(past["channels"]![0]!["complete"]!.GetValue<bool>());
    }
}
