using ResponseMonitor.App.Hosting;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.App.Cli;
using ResponseMonitor.App.Functions;
using ResponseMonitor.App.Standalone;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Privacy;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// Personal data with an end (issue "Personal data with an end", docs/PRIVACY.md): the retention sweep, erasure and
/// export of one author, against Azurite with the app's own stores.
/// </summary>
public sealed class PrivacyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private const string Complaint = "Still waiting for my refund, worst service ever!";
    private const string ErasedText = "Marta here: still waiting for my refund, worst service ever!";

    private static LoopbackServer Acknowledging(LoopbackServer server)
    {
        server.Handler = ctx =>
        {
            ctx.Response.StatusCode = 204;
            return Task.CompletedTask;
        };
        return server;
    }

    /// <summary>A poll without the cycle's retention sweep, so that tests run the sweep when they mean to.</summary>
    private static async Task PollAnalyzeDispatchAsync(TestApp app)
    {
        await app.Get<ResponseMonitor.Domain.Polling.ChannelPoller>().PollAllAsync(CancellationToken.None);
        while (await app.Services.GetQueueListener(FunctionNames.AnalyzeChannel).RunOnceAsync(CancellationToken.None) > 0)
        {
        }

        await app.Get<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);
    }

    private static async Task<List<TableEntity>> RowsAsync(TestApp app, string table)
    {
        var client = new TableClient(AzuriteEnvironment.ConnectionString, app.Prefix + table);
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in client.QueryAsync<TableEntity>())
            {
                rows.Add(row);
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
        }

        return rows;
    }

    private static async Task LabelAsync(TestApp app, params (string Item, string Label)[] labels)
    {
        var body = new JsonObject { ["labels"] = new JsonArray([.. labels.Select(l => (JsonNode)new JsonObject { ["channelId"] = "ch", ["itemId"] = l.Item, ["label"] = l.Label })]) };
        using var response = await app.Client.PostAsJsonAsync("/api/critics/labels", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_sweep_deletes_exactly_what_is_past_retention_and_resumes_after_a_crash()
    {
        var time = new FakeTimeProvider(Now);
        await using var hook = Acknowledging(await LoopbackServer.StartAsync());
        await using var feed = await LoopbackServer.StartAsync();
        var items = new List<JsonObject>
        {
            Feed.Post("p-old", "brand", Now.AddDays(-3)),
            Feed.Comment("c-old1", "p-old", "u1", Now.AddDays(-2), Complaint),
            Feed.Comment("c-old2", "p-old", "u2", Now.AddDays(-1), "When do you open?"),
            Feed.Comment("r-old2", "c-old2", "brand", Now.AddDays(-1).AddHours(1), "At nine."),
        };
        // As docs/GENERIC_FEED.md says: what changed at or after `since`.
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(items
            .Where(i => ctx.Request.Query["since"].FirstOrDefault() is not { } since || DateTimeOffset.Parse(i["createdAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) >= DateTimeOffset.Parse(since, System.Globalization.CultureInfo.InvariantCulture))
            .ToList()));
        var crash = new CrashPolicy();
        await using var app = await TestApp.StartAsync(
            TestApp.Merge(TestApp.Channel(0, "ch", feed.Url("/feed")), new Dictionary<string, string?>
            {
                ["Monitor:Channels:0:RetentionDays"] = "30",
                ["Monitor:Retention:DeliveryDays"] = "20",
                ["Monitor:Channels:0:CriticThreshold"] = "00:00:00",
                ["Notifications:WebhookUrl"] = hook.Url("/hook").ToString(),
            }),
            time,
            configure: services => services.AddSingleton<HttpPipelinePolicy>(crash));
        await PollAnalyzeDispatchAsync(app);
        await LabelAsync(app, ("c-old1", "critical"), ("c-old2", "not_critical"));

        // The brand answers the complaint: its warning resolves.
        time.Advance(TimeSpan.FromHours(1));
        items.Add(Feed.Comment("r-old1", "c-old1", "brand", Now.AddMinutes(30), "Sorry, refunded."));
        await PollAnalyzeDispatchAsync(app);
        Assert.Contains(await RowsAsync(app, "Warnings"), r => r.RowKey.StartsWith("w|", StringComparison.Ordinal) && r.GetString("State") == "Resolved");

        // 40 days on, new comments arrived.
        time.Advance(TimeSpan.FromDays(40));
        var at = time.GetUtcNow();
        items.Add(Feed.Post("p-new", "brand", at.AddDays(-2)));
        items.Add(Feed.Comment("c-new1", "p-new", "u3", at.AddDays(-1), Complaint));
        await PollAnalyzeDispatchAsync(app);
        await LabelAsync(app, ("c-new1", "critical"));
        var oldHistory = (await RowsAsync(app, "Warnings")).Count(r => r.RowKey.StartsWith("h|", StringComparison.Ordinal) && r.GetDateTimeOffset("At") < at.AddDays(-30));
        Assert.True(oldHistory > 0, "history from before the cutoff exists");

        // A crash in the middle: the first delete of items fails after open copies and labels went.
        crash.FailNextBatchTo(app.Prefix + "Items");
        var sweeper = app.Get<RetentionSweeper>();
        var channel = app.Get<IChannelCatalog>().Find("ch")!;
        await Assert.ThrowsAnyAsync<Exception>(() => sweeper.SweepAsync(channel, CancellationToken.None));
        Assert.False((await app.Get<IPersonalDataStore>().GetLastSweepsAsync(CancellationToken.None)).ContainsKey("ch"));

        // Run again (as the next cycle does): it resumes, and a third run finds nothing more.
        var result = await sweeper.SweepDueAsync(CancellationToken.None);
        var again = await sweeper.SweepAsync(channel, CancellationToken.None);

        var keptItems = (await RowsAsync(app, "Items")).Select(r => r.GetString("ItemId")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["c-new1", "p-new", "p-old"], keptItems);   // the brand's own posts stay
        Assert.Equal(4, result.Items);
        Assert.Equal(0, again.Items + again.Labels + again.OpenComments + again.WarningRows.History + again.WarningRows.Deliveries + again.WarningRows.Warnings);
        Assert.Equal(["c-new1"], (await RowsAsync(app, "CriticLabels")).Select(r => r.GetString("ItemId")));
        Assert.Equal(["c-new1"], (await RowsAsync(app, "Open")).Select(r => r.GetString("ItemId")));
        var warningRows = await RowsAsync(app, "Warnings");
        Assert.DoesNotContain(warningRows, r => r.RowKey.StartsWith("h|", StringComparison.Ordinal) && r.GetDateTimeOffset("At") < at.AddDays(-30));
        Assert.Contains(warningRows, r => r.RowKey.StartsWith("h|", StringComparison.Ordinal));
        Assert.DoesNotContain(warningRows, r => r.RowKey.StartsWith("d|", StringComparison.Ordinal) && r.GetDateTimeOffset("CreatedAt") < at.AddDays(-20));
        Assert.Contains(warningRows, r => r.RowKey.StartsWith("d|", StringComparison.Ordinal));
        Assert.DoesNotContain(warningRows, r => r.RowKey.StartsWith("w|", StringComparison.Ordinal) && r.GetString("State") == "Resolved" && r.GetDateTimeOffset("UpdatedAt") < at.AddDays(-30));
        Assert.Equal(oldHistory, result.WarningRows.History);

        // A whole cycle (which sweeps the channels due) finds nothing due the same day, and nothing comes back.
        await app.Get<PollChannelsFunction>().RunAsync(CancellationToken.None);
        await TestApp.DrainPollQueueAsync(app);
        Assert.Equal(3, (await RowsAsync(app, "Items")).Count);
        Assert.Equal(at, (await app.Get<IPersonalDataStore>().GetLastSweepsAsync(CancellationToken.None))["ch"]);
    }

    [Fact]
    public async Task Metrics_say_when_the_window_reaches_past_retention()
    {
        await using var app = await TestApp.StartAsync(
            TestApp.Merge(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")), new Dictionary<string, string?> { ["Monitor:Retention:Brands:default"] = "30" }),
            new FakeTimeProvider(Now));

        var within = await app.GetJsonAsync($"/api/metrics?from={Now.AddDays(-29):O}&to={Now:O}".Replace("+", "%2B", StringComparison.Ordinal));
        var past = await app.GetJsonAsync($"/api/metrics?from={Now.AddDays(-60):O}&to={Now:O}".Replace("+", "%2B", StringComparison.Ordinal));

        Assert.True(within["complete"]!.GetValue<bool>());
        Assert.False(past["complete"]!.GetValue<bool>());
        Assert.False(past["channels"]![0]!["complete"]!.GetValue<bool>());
        Assert.Equal(Now.AddDays(-30), past["channels"]![0]!["retainedFrom"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Erasure_removes_every_trace_redacts_the_audit_rows_and_a_later_poll_does_not_restore_it()
    {
        var time = new FakeTimeProvider(Now);
        await using var hook = Acknowledging(await LoopbackServer.StartAsync());
        await using var feed = await LoopbackServer.StartAsync();
        var marta = Feed.Comment("c-marta", "p1", "marta-77", Now.AddHours(-3), ErasedText);
        marta["authorName"] = "Marta Quintanilla";
        var items = new List<JsonObject>
        {
            Feed.Post("p1", "brand", Now.AddDays(-1)),
            marta,
            Feed.Comment("c-marta2", "c-marta", "marta-77", Now.AddHours(-2), "Hello? Anyone?"),
            Feed.Comment("c-other", "p1", "u2", Now.AddHours(-1), Complaint),
        };
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(items));
        await using var app = await TestApp.StartAsync(
            TestApp.Merge(TestApp.Channel(0, "ch", feed.Url("/feed")), new Dictionary<string, string?>
            {
                ["Monitor:Channels:0:CriticThreshold"] = "00:00:00",
                ["Notifications:WebhookUrl"] = hook.Url("/hook").ToString(),
            }),
            time);
        await PollAnalyzeDispatchAsync(app);
        await LabelAsync(app, ("c-marta", "critical"), ("c-other", "critical"));
        using (var trained = await app.Client.PostAsync("/api/critics/models/default", new StringContent(CriticModelTests.LabelledCsv(200), System.Text.Encoding.UTF8, "text/csv")))
        {
            Assert.True(trained.IsSuccessStatusCode, await trained.Content.ReadAsStringAsync());
        }

        Assert.Null((await app.GetJsonAsync("/api/critics/models/default"))["retrainRequestedAt"]);
        var before = await RowsAsync(app, "Warnings");
        Assert.True(before.Any(r => (r.GetString("Message") ?? "").Contains("Marta Quintanilla", StringComparison.Ordinal)), string.Join("\n", before.Select(r => r.RowKey + " " + r.GetString("Message"))));
        Assert.Equal(3, (await app.GetJsonAsync("/api/unanswered"))["total"]!.GetValue<int>());

        using var erase = await app.Client.DeleteAsync("/api/authors/ch/marta-77");
        var answer = JsonNode.Parse(await erase.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(2, answer["removed"]!["items"]!.GetValue<int>());
        Assert.Equal(2, answer["removed"]!["openComments"]!.GetValue<int>());
        Assert.Equal(1, answer["removed"]!["labels"]!.GetValue<int>());
        Assert.True(answer["redacted"]!["warnings"]!.GetValue<int>() >= 1);
        Assert.True(answer["redacted"]!["history"]!.GetValue<int>() >= 1);
        Assert.True(answer["redacted"]!["deliveries"]!.GetValue<int>() >= 1);
        Assert.Equal(["default"], answer["modelsToRetrain"]!.AsArray().Select(b => b!.GetValue<string>()));
        Assert.Equal(Now, (await app.GetJsonAsync("/api/critics/models/default"))["retrainRequestedAt"]!.GetValue<DateTimeOffset>());

        // No trace in any table: no name, no words, no id (the erased list holds a hash).
        var everything = new List<TableEntity>();
        foreach (var table in new[] { "Items", "Open", "Warnings", "CriticLabels", "Snapshots", "Channels", "Privacy" })
        {
            everything.AddRange(await RowsAsync(app, table));
        }

        foreach (var trace in new[] { "Marta Quintanilla", ErasedText, "Hello? Anyone?", "marta-77" })
        {
            Assert.DoesNotContain(everything, r => r.Any(p => p.Value is string s && s.Contains(trace, StringComparison.Ordinal)));
        }

        // The audit rows stay, redacted; the dashboard counts only what is left, at once and after analysis.
        var warnings = (await app.GetJsonAsync("/api/warnings?limit=100"))["items"]!.AsArray();
        Assert.Contains(warnings, w => w!["message"]!.GetValue<string>() == PersonalDataService.RedactedMessage && w["itemUrl"] is null);
        Assert.Equal(1, (await app.GetJsonAsync("/api/unanswered"))["total"]!.GetValue<int>());
        using (var export = await app.Client.GetAsync("/api/authors/ch/marta-77"))
        {
            Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        }

        // The platform still serves her comments: the next poll drops them.
        await PollAnalyzeDispatchAsync(app);
        Assert.DoesNotContain(await RowsAsync(app, "Items"), r => r.GetString("AuthorId") == "marta-77");
        var dashboard = await app.GetJsonAsync("/api/dashboard");
        Assert.Equal(1, dashboard["openCount"]!.GetValue<int>());

        // Erasing again is harmless and says there was nothing left.
        using var twice = await app.Client.DeleteAsync("/api/authors/ch/marta-77");
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(0, JsonNode.Parse(await twice.Content.ReadAsStringAsync())!["removed"]!["items"]!.GetValue<int>());
    }

    [Fact]
    public async Task Export_returns_exactly_the_authors_rows_and_the_cli_gives_the_same()
    {
        var time = new FakeTimeProvider(Now);
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(
        [
            Feed.Post("p1", "brand", Now.AddDays(-1)),
            Feed.Comment("a1", "p1", "ana", Now.AddHours(-5), Complaint),
            Feed.Comment("a2", "p1", "ana", Now.AddHours(-4), "And another thing?"),
            Feed.Comment("b1", "p1", "bea", Now.AddHours(-3), Complaint),
            Feed.Comment("r-b1", "b1", "brand", Now.AddHours(-2), "Sorry Bea"),
        ]));
        var settings = TestApp.Merge(TestApp.Channel(0, "ch", feed.Url("/feed")), new Dictionary<string, string?> { ["Monitor:Channels:0:CriticThreshold"] = "00:00:00" });
        await using var app = await TestApp.StartAsync(settings, time);
        await PollAnalyzeDispatchAsync(app);
        await LabelAsync(app, ("a1", "critical"), ("b1", "critical"));

        var export = await app.GetJsonAsync("/api/authors/ch/ana");

        Assert.Equal(["a1", "a2"], export["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        Assert.All(export["items"]!.AsArray(), i => Assert.Equal("ana", i!["authorId"]!.GetValue<string>()));
        Assert.Equal(["a1", "a2"], export["openComments"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(["a1"], export["labels"]!.AsArray().Select(l => l!["itemId"]!.GetValue<string>()));
        Assert.NotEmpty(export["warnings"]!.AsArray());
        Assert.All(export["warnings"]!.AsArray(), w => Assert.DoesNotContain("BEA", w!["message"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.NotEmpty(export["history"]!.AsArray());

        // The CLI verb, on the same storage, prints the same rows.
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await AuthorCommand.RunAsync(AuthorCommand.ExportVerb, [.. TestApp.Arguments(settings, app.Prefix), "ch", "ana"], output, errors);
        Assert.Equal(0, code);
        var cli = JsonNode.Parse(output.ToString())!;
        Assert.Equal(["a1", "a2"], cli["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));

        // And erases: the API then knows nothing of her.
        output.GetStringBuilder().Clear();
        Assert.Equal(0, await AuthorCommand.RunAsync(AuthorCommand.EraseVerb, [.. TestApp.Arguments(settings, app.Prefix), "ch", "ana"], output, errors));
        Assert.Equal(2, JsonNode.Parse(output.ToString())!["removed"]!["items"]!.GetValue<int>());
        using var gone = await app.Client.GetAsync("/api/authors/ch/ana");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/authors/nope/ana", true, 404, "Unknown channel")]
    [InlineData("DELETE", "/api/authors/nope/ana", true, 404, "Unknown channel")]
    [InlineData("GET", "/api/authors/ch/nobody", true, 404, "Nothing is stored about this author")]
    [InlineData("DELETE", "/api/authors/ch/nobody", true, 404, "Nothing is stored about this author")]
    [InlineData("GET", "/api/authors/ch/ana", false, 401, "")]
    [InlineData("DELETE", "/api/authors/ch/ana", false, 401, "")]
    [InlineData("DELETE", "/api/authors/ch/{huge}", true, 400, "at most 256 characters")]
    [InlineData("GET", "/api/authors/ch/{huge}", true, 400, "at most 256 characters")]
    public async Task Bad_author_requests_get_their_4xx_and_change_nothing(string method, string path, bool key, int status, string detail)
    {
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page([Feed.Post("p1", "brand", Now.AddDays(-1)), Feed.Comment("a1", "p1", "ana", Now.AddHours(-5))]));
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed")), new FakeTimeProvider(Now));
        await PollAnalyzeDispatchAsync(app);

        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{huge}", new string('x', 300), StringComparison.Ordinal));
        using var response = await (key ? app.Client : app.Anonymous).SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await RowsAsync(app, "Items")).Count);
        Assert.DoesNotContain(await RowsAsync(app, "Privacy"), r => r.RowKey.StartsWith("erased|", StringComparison.Ordinal));
    }

    /// <summary>Fails the next entity group transaction sent to one table, as a process dying mid-sweep would leave it.</summary>
    private sealed class CrashPolicy : HttpPipelineSynchronousPolicy
    {
        private string? _table;

        public void FailNextBatchTo(string table) => _table = table;

        public override void OnSendingRequest(HttpMessage message)
        {
            if (_table is { } table && message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal)
                && message.Request.Content is { } content && ContentMentions(content, table))
            {
                _table = null;
                throw new InvalidOperationException("Injected crash in the middle of the sweep.");
            }
        }

        private static bool ContentMentions(RequestContent content, string table)
        {
            using var buffer = new MemoryStream();
            content.WriteTo(buffer, CancellationToken.None);
            return System.Text.Encoding.UTF8.GetString(buffer.ToArray()).Contains("/" + table + "(", StringComparison.Ordinal);
        }
    }
}
