using ResponseMonitor.App.Hosting;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.App.Functions;
using ResponseMonitor.App.Standalone;
using ResponseMonitor.Storage;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// The history import accepted into blob storage and run from the <c>import-history</c> queue (Azurite): the same
/// result as the synchronous import of the same file, progress readable at a GET route, the file dropped when done,
/// a redelivered message doing nothing twice, and a file uploaded beforehand named with <c>?blob=</c>.
/// </summary>
public sealed class ImportJobTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Settings() => TestApp.Merge(
        TestApp.Channel(0, "sync", new Uri("http://127.0.0.1:1/feed")),
        TestApp.Channel(1, "queued", new Uri("http://127.0.0.1:1/feed")));

    /// <summary>A post, 2,000 comments answered in turn by the brand, and two bad lines.</summary>
    private static string Export()
    {
        var lines = new StringBuilder();
        void Row(string id, string? parent, string author, DateTimeOffset at, string text) => lines.Append(new JsonObject
        {
            ["id"] = id,
            ["parentId"] = parent,
            ["authorId"] = author,
            ["createdAt"] = at.ToString("O"),
            ["text"] = text,
        }.ToJsonString()).Append('\n');
        var start = Now.AddDays(-20);
        Row("p", null, "brand", start, "New collection out today");
        for (var i = 0; i < 1000; i++)
        {
            Row($"c{i}", "p", $"u{i % 37}", start.AddMinutes(10 + i), $"Where is my order number {i}?");
            Row($"r{i}", $"c{i}", "brand", start.AddMinutes(40 + i), "On its way, sorry for the wait");
        }

        lines.Append("{ not json\n");
        lines.Append("""{"id":"nodate","authorId":"u1","text":"no time"}""").Append('\n');
        return lines.ToString();
    }

    private static StringContent Jsonl(string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        return content;
    }

    private static async Task DrainImportQueueAsync(TestApp app)
    {
        while (await app.Services.GetQueueListener(FunctionNames.RunImport).RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task A_queued_import_stores_what_the_synchronous_one_does_and_reports_its_progress_and_result()
    {
        await using var app = await TestApp.StartAsync(Settings(), new FakeTimeProvider(Now));
        var body = Export();

        using var syncResponse = await app.Client.PostAsync("/api/import/sync", Jsonl(body));
        var sync = await JsonAsync(syncResponse, HttpStatusCode.OK);

        using var accepted = await app.Client.PostAsync("/api/imports/queued", Jsonl(body));
        var job = await JsonAsync(accepted, HttpStatusCode.Accepted);
        var location = accepted.Headers.Location!.ToString();
        Assert.Equal($"/api/imports/queued/{job["id"]!.GetValue<string>()}", location);
        Assert.Equal(("queued", "jsonl", (long)Encoding.UTF8.GetByteCount(body), 0.0), (job["state"]!.GetValue<string>(), job["format"]!.GetValue<string>(), job["bytesTotal"]!.GetValue<long>(), job["progress"]!.GetValue<double>()));
        Assert.Null(job["result"]);

        // The file waits in blob storage until a worker takes the message.
        var container = app.Get<StorageClients>().Blobs.GetBlobContainerClient(app.Prefix + "-imports");
        var blobs = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            blobs.Add(blob.Name);
        }

        Assert.Equal($"queued/{job["id"]!.GetValue<string>()}", Assert.Single(blobs));
        Assert.Equal("queued", (await app.GetJsonAsync(location))["state"]!.GetValue<string>());

        Assert.Equal(1, await app.Services.GetQueueListener(FunctionNames.RunImport).RunOnceAsync(CancellationToken.None));

        var done = await app.GetJsonAsync(location);
        Assert.Equal(("completed", 1.0, 1), (done["state"]!.GetValue<string>(), done["progress"]!.GetValue<double>(), done["attempts"]!.GetValue<int>()));
        Assert.Equal(done["bytesTotal"]!.GetValue<long>(), done["bytesRead"]!.GetValue<long>());
        var result = done["result"]!;
        Assert.Equal((2003L, 2001L, 2L), (result["rows"]!.GetValue<long>(), result["imported"]!.GetValue<long>(), result["skipped"]!.GetValue<long>()));
        foreach (var field in new[] { "rows", "imported", "skipped", "errors", "errorsTruncated", "labelled", "format" })
        {
            Assert.Equal(sync[field]!.ToJsonString(), result[field]!.ToJsonString());
        }

        Assert.NotNull(done["completedAt"]);
        await foreach (var _ in container.GetBlobsAsync())
        {
            Assert.Fail("The file should be deleted once imported.");
        }

        // Both channels now hold the same history.
        var syncMetrics = (await app.GetJsonAsync("/api/metrics?channel=sync&from=2026-02-01T00:00:00Z"))["total"]!.ToJsonString();
        var queuedMetrics = (await app.GetJsonAsync("/api/metrics?channel=queued&from=2026-02-01T00:00:00Z"))["total"]!.ToJsonString();
        Assert.Equal(syncMetrics, queuedMetrics);

        // A redelivered message finds the job completed and does nothing.
        var again = await app.Get<RunImportFunction>().RunAsync($$"""{"channelId":"queued","jobId":"{{job["id"]!.GetValue<string>()}}"}""", CancellationToken.None);
        Assert.Equal(1, again!.Attempts);
    }

    [Fact]
    public async Task A_file_uploaded_to_the_imports_container_beforehand_is_named_with_blob()
    {
        await using var app = await TestApp.StartAsync(Settings(), new FakeTimeProvider(Now));
        var container = app.Get<StorageClients>().Blobs.GetBlobContainerClient(app.Prefix + "-imports");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("uploads/history.jsonl").UploadAsync(BinaryData.FromString(Export()));

        using var accepted = await app.Client.PostAsync("/api/imports/queued?blob=uploads/history.jsonl", null);
        var job = await JsonAsync(accepted, HttpStatusCode.Accepted);
        Assert.Equal("jsonl", job["format"]!.GetValue<string>());
        Assert.Equal(1, await app.Services.GetQueueListener(FunctionNames.RunImport).RunOnceAsync(CancellationToken.None));

        var done = await app.GetJsonAsync(accepted.Headers.Location!.ToString());
        Assert.Equal("completed", done["state"]!.GetValue<string>());
        Assert.Equal(2001, done["result"]!["imported"]!.GetValue<long>());
        Assert.False(await container.GetBlobClient("uploads/history.jsonl").ExistsAsync());
    }

    [Fact]
    public async Task A_job_whose_file_is_gone_fails_with_the_reason_and_is_not_retried()
    {
        await using var app = await TestApp.StartAsync(Settings(), new FakeTimeProvider(Now));
        // The queue's name is fixed: a message an earlier test's job left (one whose retry became visible again) would be
        // counted here. Once failed 3 where 1 was expected; so take those first.
        await DrainImportQueueAsync(app);
        using var accepted = await app.Client.PostAsync("/api/imports/queued", Jsonl(Export()));
        var job = await JsonAsync(accepted, HttpStatusCode.Accepted);
        var container = app.Get<StorageClients>().Blobs.GetBlobContainerClient(app.Prefix + "-imports");
        Assert.True(await container.GetBlobClient($"queued/{job["id"]!.GetValue<string>()}").DeleteIfExistsAsync());

        Assert.Equal(1, await app.Services.GetQueueListener(FunctionNames.RunImport).RunOnceAsync(CancellationToken.None));

        var failed = await app.GetJsonAsync(accepted.Headers.Location!.ToString());
        Assert.Equal(("failed", "The uploaded file is gone.", 1), (failed["state"]!.GetValue<string>(), failed["lastError"]!.GetValue<string>(), failed["attempts"]!.GetValue<int>()));
        Assert.Equal(0, await app.Services.GetQueueListener(FunctionNames.RunImport).RunOnceAsync(CancellationToken.None));
        Assert.Equal(1, (await app.GetJsonAsync(accepted.Headers.Location!.ToString()))["attempts"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("/api/imports/nope", "application/x-ndjson", "x", 404, "No channel 'nope'")]
    [InlineData("/api/imports/queued", "text/plain", "x", 415, "Send CSV")]
    [InlineData("/api/imports/queued", "application/x-ndjson", "", 400, "The file is empty")]
    [InlineData("/api/imports/queued?blob=missing.csv", "text/csv", "", 404, "There is no blob 'missing.csv'")]
    [InlineData("/api/imports/queued?blob=../x.csv", "text/csv", "", 400, "Query 'blob'")]
    [InlineData("/api/imports/queued?when=now", "application/x-ndjson", "x", 400, "Unknown query parameter 'when'")]
    public async Task Bad_starts_are_refused_with_the_reason_and_queue_nothing(string path, string contentType, string body, int status, string expected)
    {
        await using var app = await TestApp.StartAsync(Settings(), new FakeTimeProvider(Now));

        // The import queue's name is fixed (the worker's trigger names it), so earlier tests may have left messages on
        // it: take them first, so that what is counted below is only what this request queued.
        await DrainImportQueueAsync(app);

        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        using var response = await app.Client.PostAsync(path, content);

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Equal(0, await app.Services.GetQueueListener(FunctionNames.RunImport).RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_job_is_404_and_the_route_needs_the_key()
    {
        await using var app = await TestApp.StartAsync(Settings(), new FakeTimeProvider(Now));
        using var missing = await app.Client.GetAsync("/api/imports/queued/0000");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var anonymous = await app.Anonymous.GetAsync("/api/imports/queued/0000");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var anonymousPost = await app.Anonymous.PostAsync("/api/imports/queued", Jsonl("x"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousPost.StatusCode);
    }
}
