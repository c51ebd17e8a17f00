using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.App.Cli;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// History import and response metrics through the HTTP API and the CLI, over Azurite: the second worked example of
/// docs/METRICS.md (business hours, automation, exclusions, windows) imported as a file and read back.
/// </summary>
public sealed class MetricsTests
{
    // Monday 12 January 2026; the report is asked for on Tuesday at 12:00.
    private static readonly DateTimeOffset Monday = new(2026, 1, 12, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Monday.AddHours(36);

    private static Dictionary<string, string?> Settings(string id = "shop", string brand = "acme") => TestApp.Merge(
        TestApp.Channel(0, id, new Uri("http://127.0.0.1:1/feed")),
        new Dictionary<string, string?>
        {
            ["Monitor:Channels:0:Brand"] = brand,
            ["Monitor:BusinessHours:TimeZone"] = "UTC",
            ["Monitor:BusinessHours:Monday"] = "09:00-17:00",
            ["Monitor:BusinessHours:Tuesday"] = "09:00-17:00",
            ["Monitor:Exclusions:AutomationAuthorIds:0"] = "bot",
        });

    private static string Row(string id, string? parent, string author, double hours, string text, string? kind = null) =>
        new JsonObject
        {
            ["id"] = id,
            ["parentId"] = parent,
            ["kind"] = kind,
            ["authorId"] = author,
            ["createdAt"] = Monday.AddHours(hours).ToString("O"),
            ["text"] = text,
        }.ToJsonString();

    private static readonly string Example = string.Join('\n',
        Row("P", null, "brand", 8, "New collection out today", "post"),
        Row("A", "P", "u1", 8.5, "Where is my refund?"),
        Row("R1", "A", "bot", 8.51, "We got your message"),
        "{ this line is broken",                                                          // line 4
        Row("S", "P", "brand", 9.5, "Update: free shipping all week"),
        Row("R2", "A", "brand", 10, "Sent yesterday, sorry for the wait"),
        Row("A2", "R2", "u1", 10.1, "Thanks!"),
        """{"id":"nodate","authorId":"u7","text":"no time"}""",                           // line 8
        Row("C", "P", "u3", 12, "👍👍"),
        Row("D", "P", "u4", 13, "buy followers cheap at www.example.com"),
        """{"id":"local","authorId":"u8","createdAt":"2026-01-12 14:00:00","text":"x"}""", // line 11: no offset
        Row("B", "P", "u2", 16, "Do you ship to Canada?"),
        "",                                                                               // a blank line is no row
        Row("E", "P", "u5", 20, "My order never arrived"),
        Row("R3", "B", "brand", 34, "Yes, we do"),
        Row("B2", "R3", "u2", 34.5, "The checkout still fails for Canada"),
        Row("R4", "B2", "brand", 35.5, "Fixed now"),
        """{"id":"future","authorId":"u9","createdAt":"2026-02-01T00:00:00Z","text":"later"}""") + "\n"; // line 18

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonNode> ImportAsync(TestApp app, string body, string contentType)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var response = await app.Client.PostAsync("/api/import/shop", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task An_imported_history_reports_hand_computed_metrics_in_wall_and_business_time()
    {
        await using var app = await TestApp.StartAsync(Settings(), new FakeTimeProvider(Now));

        var result = await ImportAsync(app, Example, "application/x-ndjson");
        Assert.Equal((17, 13, 4), (result["rows"]!.GetValue<long>(), result["imported"]!.GetValue<long>(), result["skipped"]!.GetValue<long>()));
        var errors = result["errors"]!.AsArray().Select(e => (e!["line"]!.GetValue<long>(), e["error"]!.GetValue<string>())).ToList();
        Assert.Equal([4, 8, 11, 18], errors.Select(e => e.Item1));
        Assert.Contains("not valid JSON", errors[0].Item2, StringComparison.Ordinal);
        Assert.Contains("'createdAt' is required", errors[1].Item2, StringComparison.Ordinal);
        Assert.Contains("with an offset", errors[2].Item2, StringComparison.Ordinal);
        Assert.Contains("in the future", errors[3].Item2, StringComparison.Ordinal);

        var metrics = await app.GetJsonAsync($"/api/metrics?from={Iso(Monday)}");
        var m = metrics["channels"]![0]!["metrics"]!;
        AssertWorkedExample(m);
        Assert.Equal(Now, metrics["asOf"]!.GetValue<DateTimeOffset>());
        Assert.True(metrics["channels"]![0]!["hasBusinessHours"]!.GetValue<bool>());
        Assert.Equal("acme", metrics["brands"]![0]!["brand"]!.GetValue<string>());
        AssertWorkedExample(metrics["brands"]![0]!["metrics"]!);
        AssertWorkedExample(metrics["total"]!);

        // Importing the same file again stores nothing twice.
        await ImportAsync(app, Example, "application/x-ndjson");
        AssertWorkedExample((await app.GetJsonAsync($"/api/metrics?channel=shop&from={Iso(Monday)}"))["channels"]![0]!["metrics"]!);

        // A past window is judged as of its end: Monday 00:00–18:00 has A (answered) and B (waiting 2 h, 1 business hour).
        var monday = (await app.GetJsonAsync($"/api/metrics?from={Iso(Monday)}&to={Iso(Monday.AddHours(18))}"))["channels"]![0]!["metrics"]!;
        Assert.Equal((2, 1, 0.5), (monday["answerableCount"]!.GetValue<int>(), monday["answeredCount"]!.GetValue<int>(), monday["responseRate"]!.GetValue<double>()));
        Assert.Equal(7200, monday["unansweredAge"]!["wall"]!["medianSeconds"]!.GetValue<double>());
        Assert.Equal(3600, monday["unansweredAge"]!["business"]!["medianSeconds"]!.GetValue<double>());

        // Every exclusion is visible with its reason.
        var excluded = await app.GetJsonAsync($"/api/metrics/exclusions?channel=shop&from={Iso(Monday)}");
        Assert.Equal(
            [("R1", "automation"), ("S", "brand-self-reply"), ("A2", "thanks"), ("C", "emoji-only"), ("D", "spam")],
            excluded["items"]!.AsArray().Select(i => (i!["id"]!.GetValue<string>(), i["reason"]!.GetValue<string>())));
        Assert.Equal(1, excluded["counts"]!["spam"]!.GetValue<int>());

        // The dashboard's analysis of the rolling window carries business time too.
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("shop", CancellationToken.None);
        var channel = await app.GetJsonAsync("/api/channels/shop");
        var e = Assert.Single(channel["unanswered"]!.AsArray())!;
        Assert.Equal(("E", 16 * 3600.0, 3 * 3600.0), (e["id"]!.GetValue<string>(), e["ageSeconds"]!.GetValue<double>(), e["businessAgeSeconds"]!.GetValue<double>()));
        var summary = channel["channel"]!;
        Assert.Equal(1.5 * 3600, summary["medianFirstResponseBusinessSeconds"]!.GetValue<double>());
        Assert.Equal(9.75 * 3600, summary["medianFirstResponseSeconds"]!.GetValue<double>());
        Assert.Equal(5, summary["excludedCount"]!.GetValue<int>());

        // The brand last spoke at Tue 11:30 (R4): 30 min ago, all of it in business hours.
        Assert.Equal((1800.0, 1800.0), (summary["silentForSeconds"]!.GetValue<double>(), summary["silentForBusinessSeconds"]!.GetValue<double>()));
    }

    private static void AssertWorkedExample(JsonNode m)
    {
        Assert.Equal((4, 3, 0.75), (m["answerableCount"]!.GetValue<int>(), m["answeredCount"]!.GetValue<int>(), m["responseRate"]!.GetValue<double>()));
        var wall = m["firstResponse"]!["wall"]!;
        Assert.Equal((2, 35100.0, 35100.0, 58860.0), (wall["count"]!.GetValue<int>(), wall["meanSeconds"]!.GetValue<double>(), wall["medianSeconds"]!.GetValue<double>(), wall["p90Seconds"]!.GetValue<double>()));
        Assert.Equal(1, wall["buckets"]!["1-4h"]!.GetValue<int>());
        Assert.Equal(1, wall["buckets"]!["8-24h"]!.GetValue<int>());
        var business = m["firstResponse"]!["business"]!;
        Assert.Equal((5400.0, 6840.0, 2), (business["medianSeconds"]!.GetValue<double>(), business["p90Seconds"]!.GetValue<double>(), business["buckets"]!["1-4h"]!.GetValue<int>()));
        Assert.Equal(3600, m["nextResponse"]!["business"]!["medianSeconds"]!.GetValue<double>());
        Assert.Equal(16 * 3600, m["unansweredAge"]!["wall"]!["medianSeconds"]!.GetValue<double>());
        Assert.Equal(3 * 3600, m["unansweredAge"]!["business"]!["medianSeconds"]!.GetValue<double>());
        Assert.Equal(
            new Dictionary<string, int> { ["automation"] = 1, ["brand-self-reply"] = 1, ["emoji-only"] = 1, ["spam"] = 1, ["thanks"] = 1 },
            m["excluded"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>()));
    }

    [Fact]
    public async Task A_csv_export_imports_through_the_cli_with_quoted_fields_that_span_lines()
    {
        var prefix = TestApp.NewPrefix();
        var settings = Settings();
        settings["Storage:Prefix"] = prefix;
        settings["Storage:AnalysisQueueName"] = "q-" + prefix;
        settings["Storage:PollQueueName"] = "p-" + prefix;
        settings["AzureWebJobsStorage"] = AzuriteEnvironment.ConnectionString;
        settings["Hosting:Triggers"] = "false";
        var file = Path.Combine(Path.GetTempPath(), prefix + ".csv");
        await File.WriteAllTextAsync(file, string.Join("\r\n",
            "id,parentId,kind,authorId,authorName,createdAt,text,url",
            "p1,,post,brand,Acme,2026-01-12T08:00:00Z,Hello,https://example.com/p1",
            "c1,p1,comment,u1,\"Doe, Jane\",2026-01-12T09:00:00+01:00,\"My parcel, order \"\"42\"\",",
            "never came\",",
            "c2,p1,,u2,,1768212000,short row",
            "c3,c1,comment,brand,,2026-01-12T10:00:00Z,Sorry!,"));
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var args = new[] { "shop", file }.Concat(settings.Where(kv => kv.Value is not null).Select(kv => $"--{kv.Key}={kv.Value}")).ToArray();
            var exit = await ImportCommand.RunAsync(args, TextReader.Null, stdout, stderr);

            Assert.True(exit == 0, stderr.ToString());
            var result = JsonNode.Parse(stdout.ToString())!;
            Assert.Equal(("csv", 4, 3), (result["format"]!.GetValue<string>(), result["rows"]!.GetValue<int>(), result["imported"]!.GetValue<int>()));
            var error = Assert.Single(result["errors"]!.AsArray())!;
            Assert.Equal(5, error["line"]!.GetValue<int>()); // the record after the two-line one starts on line 5
            Assert.Contains("expected 8 fields", error["error"]!.GetValue<string>(), StringComparison.Ordinal);

            await using var app = await TestApp.StartAsync(settings, new FakeTimeProvider(Now), sharedPrefix: prefix);
            var stored = await app.Get<IItemStore>().GetAsync("shop", ["c1", "c3"], CancellationToken.None);
            Assert.Equal("My parcel, order \"42\",\nnever came", stored["c1"].Text);
            Assert.Equal(("Doe, Jane", Monday.AddHours(8)), (stored["c1"].AuthorName, stored["c1"].CreatedAt));
            Assert.Equal("c1", stored["c3"].ThreadId);

            Assert.Equal(1, await ImportCommand.RunAsync(["nope", file], TextReader.Null, TextWriter.Null, stderr));
            Assert.Contains("No channel 'nope'", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Spam_does_not_count_toward_a_criticism_spike_and_real_critics_do()
    {
        var time = new FakeTimeProvider(Now.AddHours(-30));
        await using var feed = await LoopbackServer.StartAsync();
        var items = new List<JsonObject> { Feed.Post("p", "brand", Now.AddHours(-31)) };
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(items));
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed")), time);
        var poller = app.Get<Domain.Polling.ChannelPoller>();
        var analysis = app.Get<ChannelAnalysisService>();
        await poller.PollAllAsync(CancellationToken.None);
        await analysis.AnalyzeAsync("ch", CancellationToken.None);   // monitoring starts 30 h before now: a full day of baseline

        time.SetUtcNow(Now);
        for (var i = 0; i < 5; i++)
        {
            items.Add(Feed.Comment($"spam{i}", "p", $"bot{i}", Now.AddMinutes(-40 + (5 * i)), "Worst scam ever, buy followers cheap at www.followers.example"));
        }

        await poller.PollAllAsync(CancellationToken.None);
        await analysis.AnalyzeAsync("ch", CancellationToken.None);
        async Task<int> SpikesAsync() => (await app.GetJsonAsync("/api/warnings?state=all&rule=criticism-spike"))["items"]!.AsArray().Count;
        Assert.Equal(0, await SpikesAsync());
        Assert.Equal(5, (await app.GetJsonAsync("/api/metrics/exclusions?channel=ch"))["counts"]!["spam"]!.GetValue<int>());

        for (var i = 0; i < 5; i++)
        {
            items.Add(Feed.Comment($"critic{i}", "p", $"u{i}", Now.AddMinutes(-30 + (5 * i)), "Still waiting for my refund, worst service ever"));
        }

        time.Advance(TimeSpan.FromMinutes(1));
        await poller.PollAllAsync(CancellationToken.None);
        await analysis.AnalyzeAsync("ch", CancellationToken.None);
        Assert.Equal(1, await SpikesAsync());
    }

    [Theory]
    [InlineData("GET", "/api/metrics?from=yesterday", 400, "'from' must be an ISO 8601 instant")]
    [InlineData("GET", "/api/metrics?from=2026-01-13T00:00:00Z&to=2026-01-12T00:00:00Z", 400, "'from' must be before 'to'")]
    [InlineData("GET", "/api/metrics?from=2024-01-01T00:00:00Z&to=2026-01-12T00:00:00Z", 400, "at most 366 days")]
    [InlineData("GET", "/api/metrics?channel=nope", 404, "No channel 'nope'")]
    [InlineData("GET", "/api/metrics?brand=nobody", 404, "No channel belongs to brand 'nobody'")]
    [InlineData("GET", "/api/metrics?window=7d", 400, "Unknown query parameter 'window'")]
    [InlineData("GET", "/api/metrics/exclusions?channel=nope", 404, "No channel 'nope'")]
    [InlineData("POST", "/api/import/nope", 404, "No channel 'nope'")]
    [InlineData("POST", "/api/import/shop", 415, "Send CSV")]
    [InlineData("POST", "/api/import/shop?format=xml", 415, "got 'xml'")]
    public async Task Bad_metric_and_import_requests_name_the_fault(string method, string path, int status, string expected)
    {
        await using var app = await TestApp.StartAsync(Settings(), new FakeTimeProvider(Now));

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("id,authorId,createdAt\n", Encoding.UTF8, "text/plain");
        }

        using var response = await app.Client.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(expected, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_and_metrics_need_the_key()
    {
        await using var app = await TestApp.StartAsync(Settings(), new FakeTimeProvider(Now));
        using var import = await app.Anonymous.PostAsync("/api/import/shop", new StringContent("", Encoding.UTF8, "text/csv"));
        using var metrics = await app.Anonymous.GetAsync("/api/metrics");
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (import.StatusCode, metrics.StatusCode));
    }

    [Fact]
    public async Task An_unknown_exclusion_reason_stops_start_up()
    {
        var settings = Settings();
        settings["Monitor:Exclusions:Enabled:0"] = "thanks";
        settings["Monitor:Exclusions:Enabled:1"] = "smalltalk";
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(settings));
        Assert.Contains("unknown reason 'smalltalk'", error.Message, StringComparison.Ordinal);
    }
}
