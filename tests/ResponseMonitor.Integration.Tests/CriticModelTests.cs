using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.App.Cli;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ingestion;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// A brand trains its own critic model over the API and the CLI, against Azurite: its channels' analysis, the
/// dashboard and <c>/api/classify</c> then judge by it; another instance of the deployment loads it from blob storage;
/// deleting it returns the brand to the built-in detector; bad requests and a damaged model lose nothing.
/// </summary>
public sealed class CriticModelTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A game studio's labelled history as its tools export it: "desync" and "ghosting hits" are its
    /// public's complaints, words the built-in lexicons do not hold.
    /// </summary>
    internal static string LabelledCsv(int rows, params string[] extraLines) =>
        string.Join("\n", ["text,label,language", .. Labelled(rows).Select(l => $"\"{l.Text}\",{(l.Critical ? "critical" : "not_critical")},en"), .. extraLines]);

    private static IEnumerable<(string Text, bool Critical)> Labelled(int rows)
    {
        string[] complaints = ["desync", "ghosting hits", "desync and ghosting hits"];
        string[] neutral = ["patch notes", "the new character", "the ranked season", "my clan"];
        string[] where = ["in Tokyo", "on PC", "after the update", "with friends", "on the weekend"];
        for (var i = 0; i < rows; i++)
        {
            var critical = i % 4 == 0;
            var subject = critical ? complaints[i / 4 % complaints.Length] : neutral[(i + (i / 4)) % neutral.Length];
            yield return ($"{subject} {where[i / 4 % where.Length]}, day {i % 13}", critical);
        }
    }

    private static Dictionary<string, string?> Settings(Uri feed)
    {
        var settings = TestApp.Channel(0, "ch", feed);
        settings["Monitor:Channels:0:Brand"] = "Kitsune Games";
        settings["Monitor:Channels:0:Language"] = "en";

        // The word lists alone, which do not know this brand's jargon ("desync"), against the brand's model, which
        // learns it. (The shipped English model may know it already: ShippedCriticModelTests covers that detector.)
        settings["Critics:Backend"] = "lexicon";
        return settings;
    }

    private static async Task<(int Critical, string? LagLabel)> AnalyseAsync(TestApp app, FakeTimeProvider time)
    {
        time.Advance(TimeSpan.FromMinutes(1));
        await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("ch", CancellationToken.None);
        var dashboard = await app.GetJsonAsync("/api/channels/ch");
        var lag = dashboard["unanswered"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "lag")!;
        return (dashboard["channel"]!["criticalOpenCount"]!.GetValue<int>(), lag["criticLabel"]!.GetValue<string>());
    }

    /// <summary>What the dashboard says judges the brand's comments.</summary>
    private static async Task<string> DetectorAsync(TestApp app)
    {
        var detector = Assert.Single((await app.GetJsonAsync("/api/dashboard"))["detectors"]!.AsArray())!;
        Assert.Equal("Kitsune Games", detector["brand"]!.GetValue<string>());
        return detector["detector"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> TrainAsync(HttpClient client, string brand, string body, string contentType = "text/csv") =>
        client.PostAsync($"/api/critics/models/{Uri.EscapeDataString(brand)}", new StringContent(body, Encoding.UTF8, contentType));

    [Fact]
    public async Task A_trained_model_judges_the_brands_channels_on_every_instance_until_it_is_deleted()
    {
        var time = new FakeTimeProvider(Now);
        await using var feed = await LoopbackServer.StartAsync();
        var items = new List<JsonObject>
        {
            Feed.Post("p", "brand", Now.AddHours(-3)),
            Feed.Comment("lag", "p", "u1", Now.AddHours(-2), "desync in Lisbon on console, day 20"),
            Feed.Comment("chat", "p", "u2", Now.AddHours(-1), "the new character in Lisbon on console, day 20"),
        };
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(items));
        await using var app = await TestApp.StartAsync(Settings(feed.Url("/feed")), time);

        Assert.Equal((0, "not-critical"), await AnalyseAsync(app, time));
        Assert.Equal("lexicon", await DetectorAsync(app));

        using (var trained = await TrainAsync(app.Client, "kitsune games", LabelledCsv(320, "\"no label here\",,en", "\"meh\",angry,en")))
        {
            var body = await trained.Content.ReadAsStringAsync();
            Assert.True(trained.StatusCode == HttpStatusCode.OK, body);
            var result = JsonNode.Parse(body)!;
            Assert.Equal((322, 320, 2), (result["rows"]!.GetValue<int>(), result["used"]!.GetValue<int>(), result["skipped"]!.GetValue<int>()));
            Assert.Equal([322L, 323L], result["errors"]!.AsArray().Select(e => e!["line"]!.GetValue<long>()));
            Assert.Contains("'label' must be 'critical' or 'not_critical', not 'angry'", result["errors"]![1]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
            var model = result["model"]!;
            Assert.Equal(("Kitsune Games", true, 5), (model["brand"]!.GetValue<string>(), model["adopted"]!.GetValue<bool>(), model["crossValidationFolds"]!.GetValue<int>()));
            Assert.True(model["model"]!["f1"]!.GetValue<double>() > model["builtIn"]!["f1"]!.GetValue<double>());
        }

        Assert.Equal((1, "critical"), await AnalyseAsync(app, time));
        Assert.Equal("brand-model", await DetectorAsync(app));

        using (var classified = await app.Client.PostAsync("/api/classify", new StringContent(
            """{"texts":["ghosting hits in Oslo after the update, day 30","patch notes in Oslo after the update, day 30"],"brand":"KITSUNE GAMES"}""", Encoding.UTF8, "application/json")))
        {
            var results = JsonNode.Parse(await classified.Content.ReadAsStringAsync())!["results"]!.AsArray();
            Assert.Equal(["critical", "not-critical"], results.Select(r => r!["label"]!.GetValue<string>()));
            Assert.Contains("model:Kitsune Games", results[0]!["cues"]!.AsArray().Select(c => c!.GetValue<string>()));
        }

        // Another instance of the same deployment reads the model from blob storage.
        await using (var other = await TestApp.StartAsync(Settings(feed.Url("/feed")), new FakeTimeProvider(Now), sharedPrefix: app.Prefix))
        {
            var report = await other.GetJsonAsync("/api/critics/models/Kitsune%20Games");
            Assert.Equal((320, 80), (report["examples"]!.GetValue<int>(), report["criticalExamples"]!.GetValue<int>()));
        }

        using (var deleted = await app.Client.DeleteAsync("/api/critics/models/Kitsune%20Games"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal((0, "not-critical"), await AnalyseAsync(app, time));
        Assert.Equal("lexicon", await DetectorAsync(app));
        using var gone = await app.Client.GetAsync("/api/critics/models/Kitsune%20Games");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("built-in detector", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var again = await app.Client.DeleteAsync("/api/critics/models/Kitsune%20Games");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Bad_training_requests_are_refused_with_the_reason_and_keep_the_current_model()
    {
        await using var app = await TestApp.StartAsync(Settings(new Uri("http://127.0.0.1:1/feed")));

        using (var trained = await TrainAsync(app.Client, "Kitsune Games", LabelledCsv(200)))
        {
            Assert.Equal(HttpStatusCode.OK, trained.StatusCode);
        }

        using (var unknown = await TrainAsync(app.Client, "Umbrella", LabelledCsv(200)))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Contains("No channel belongs to brand 'Umbrella'", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var format = await TrainAsync(app.Client, "Kitsune Games", LabelledCsv(200), "application/xml"))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, format.StatusCode);
        }

        using (var few = await TrainAsync(app.Client, "Kitsune Games", """
            {"text":"lag spike on PC","label":"critical"}
            {"text":"patch notes on PC","label":"not_critical"}
            {"text":["not","text"],"label":"critical"}
            """, "application/x-ndjson"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, few.StatusCode);
            var problem = JsonNode.Parse(await few.Content.ReadAsStringAsync())!;
            Assert.Contains("at least 200 labelled comments", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(3, Assert.Single(problem["errors"]!.AsArray())!["line"]!.GetValue<int>());
        }

        using (var anonymous = await TrainAsync(app.Anonymous, "Kitsune Games", LabelledCsv(200)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var unknownGet = await app.Client.GetAsync("/api/critics/models/Umbrella"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknownGet.StatusCode);
        }

        // The model of the first request is still the brand's.
        Assert.Equal(200, (await app.GetJsonAsync("/api/critics/models/Kitsune%20Games"))["examples"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_damaged_model_blob_leaves_the_analysis_on_the_built_in_detector()
    {
        var time = new FakeTimeProvider(Now);
        await using var feed = await LoopbackServer.StartAsync();
        var items = new List<JsonObject>
        {
            Feed.Post("p", "brand", Now.AddHours(-3)),
            Feed.Comment("lag", "p", "u1", Now.AddHours(-2), "desync on PC, day 20"),
        };
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(items));
        var prefix = TestApp.NewPrefix();
        var container = new BlobServiceClient(AzuriteEnvironment.ConnectionString).GetBlobContainerClient(prefix + "-models");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("critics/kitsune%20games.model").UploadAsync(BinaryData.FromString("not a model"));
        await using var app = await TestApp.StartAsync(Settings(feed.Url("/feed")), time, sharedPrefix: prefix);

        Assert.Equal((0, "not-critical"), await AnalyseAsync(app, time));
        var lag = (await app.GetJsonAsync("/api/channels/ch"))["unanswered"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "lag")!;
        Assert.Equal("lexicon", lag["criticDetector"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_train_critics_verb_trains_from_a_file_and_says_why_when_it_cannot()
    {
        var prefix = TestApp.NewPrefix();
        var settings = Settings(new Uri("http://127.0.0.1:1/feed"));
        settings["Storage:Prefix"] = prefix;
        settings["Storage:AnalysisQueueName"] = "q-" + prefix;
        settings["Storage:PollQueueName"] = "p-" + prefix;
        settings["AzureWebJobsStorage"] = AzuriteEnvironment.ConnectionString;
        settings["Hosting:Triggers"] = "false";
        var configuration = settings.Where(kv => kv.Value is not null).Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
        var file = Path.Combine(Path.GetTempPath(), prefix + ".csv");
        await File.WriteAllTextAsync(file, LabelledCsv(240));
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            Assert.True(await TrainCriticsCommand.RunAsync(["kitsune games", file, .. configuration], TextReader.Null, stdout, stderr) == 0, stderr.ToString());
            var model = JsonNode.Parse(stdout.ToString())!["model"]!;
            Assert.Equal(("Kitsune Games", 240), (model["brand"]!.GetValue<string>(), model["examples"]!.GetValue<int>()));

            await using var app = await TestApp.StartAsync(settings, sharedPrefix: prefix);
            Assert.Equal(240, (await app.GetJsonAsync("/api/critics/models/Kitsune%20Games"))["examples"]!.GetValue<int>());

            Assert.Equal(1, await TrainCriticsCommand.RunAsync(["Umbrella", file, .. configuration], TextReader.Null, TextWriter.Null, stderr));
            Assert.Contains("No channel belongs to brand 'Umbrella'", stderr.ToString(), StringComparison.Ordinal);
            Assert.Equal(2, await TrainCriticsCommand.RunAsync(["Kitsune Games", "-", "--format", "csv", .. configuration], new StringReader(LabelledCsv(20)), TextWriter.Null, stderr));
            Assert.Contains("at least 200 labelled comments", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Labels_given_in_the_dashboard_train_the_brands_model_from_the_stored_comments()
    {
        var time = new FakeTimeProvider(Now);
        await using var feed = await LoopbackServer.StartAsync();
        var items = new List<JsonObject>
        {
            Feed.Post("p", "brand", Now.AddHours(-3)),
            Feed.Comment("lag", "p", "u1", Now.AddHours(-2), "desync in Lisbon on console, day 20"),
        };
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(items));
        await using var app = await TestApp.StartAsync(Settings(feed.Url("/feed")), time);
        var channel = app.Get<IChannelCatalog>().Find("ch")!;
        var history = Labelled(240).Select((l, i) => (Item: new ContentItem
        {
            Id = $"old{i}",
            ParentId = "p",
            Kind = ItemKind.Comment,
            AuthorId = $"fan{i}",
            CreatedAt = Now.AddDays(-60).AddMinutes(i),
            Text = l.Text,
        }, l.Critical)).ToList();
        await app.Get<IngestionService>().IngestAsync(channel, [.. history.Select(h => h.Item)], CancellationToken.None);
        Assert.Equal((0, "not-critical"), await AnalyseAsync(app, time));

        // The team labels 240 old comments (one of them twice: the second label wins) and trains from the labels.
        var labels = new JsonArray([.. history.Select(h => (JsonNode)new JsonObject
        {
            ["channelId"] = "ch",
            ["itemId"] = h.Item.Id,
            ["label"] = h.Critical ? "critical" : "not_critical",
        })]);
        labels.Add(new JsonObject { ["channelId"] = "ch", ["itemId"] = "old4", ["label"] = "not_critical" });
        using (var stored = await PostJsonAsync(app.Client, "/api/critics/labels", new JsonObject { ["labels"] = labels }))
        {
            Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
            Assert.Equal(241, JsonNode.Parse(await stored.Content.ReadAsStringAsync())!["stored"]!.GetValue<int>());
        }

        var list = await app.GetJsonAsync("/api/critics/labels?brand=kitsune%20games&limit=2");
        Assert.Equal(("Kitsune Games", 240, 59, 181, 2), (list["brand"]!.GetValue<string>(), list["count"]!.GetValue<int>(), list["critical"]!.GetValue<int>(), list["notCritical"]!.GetValue<int>(), list["labels"]!.AsArray().Count));

        using (var trained = await app.Client.PostAsync("/api/critics/models/Kitsune%20Games/from-labels", null))
        {
            var body = await trained.Content.ReadAsStringAsync();
            Assert.True(trained.StatusCode == HttpStatusCode.OK, body);
            var model = JsonNode.Parse(body)!["model"]!;
            Assert.Equal((240, 59, true), (model["examples"]!.GetValue<int>(), model["criticalExamples"]!.GetValue<int>(), model["adopted"]!.GetValue<bool>()));
        }

        Assert.Equal((1, "critical"), await AnalyseAsync(app, time));

        using (var deleted = await app.Client.DeleteAsync("/api/critics/labels/ch/old0"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var again = await app.Client.DeleteAsync("/api/critics/labels/ch/old0"))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }

        Assert.Equal(239, (await app.GetJsonAsync("/api/critics/labels?brand=Kitsune%20Games"))["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_history_import_with_a_label_column_stores_the_labels_for_training()
    {
        await using var app = await TestApp.StartAsync(Settings(new Uri("http://127.0.0.1:1/feed")), new FakeTimeProvider(Now));
        var rows = Labelled(240).Select((l, i) => $"c{i},p,comment,fan{i},{Now.AddDays(-40).AddMinutes(i):O},\"{l.Text}\",{(l.Critical ? "critical" : "not_critical")}");
        var csv = string.Join("\n", [
            "id,parentId,kind,authorId,createdAt,text,label",
            $"p,,post,brand,{Now.AddDays(-41):O},Season 5 is live,",
            .. rows,
            $"x1,p,comment,fan,{Now.AddDays(-40):O},\"so so\",meh"]);

        using var imported = await app.Client.PostAsync("/api/import/ch", new StringContent(csv, Encoding.UTF8, "text/csv"));

        var result = JsonNode.Parse(await imported.Content.ReadAsStringAsync())!;
        Assert.Equal((242, 241, 240), (result["rows"]!.GetValue<int>(), result["imported"]!.GetValue<int>(), result["labelled"]!.GetValue<int>()));
        var error = Assert.Single(result["errors"]!.AsArray())!;
        Assert.Equal((243, "'label' must be 'critical', 'not_critical' or empty, not 'meh'"), (error["line"]!.GetValue<int>(), error["error"]!.GetValue<string>()));
        var labels = await app.GetJsonAsync("/api/critics/labels?brand=Kitsune%20Games");
        Assert.Equal((240, 60), (labels["count"]!.GetValue<int>(), labels["critical"]!.GetValue<int>()));
        using var trained = await app.Client.PostAsync("/api/critics/models/Kitsune%20Games/from-labels", null);
        Assert.Equal(HttpStatusCode.OK, trained.StatusCode);
    }

    [Fact]
    public async Task Labels_of_a_channel_no_longer_configured_are_skipped_and_named_when_training()
    {
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page([]));
        var prefix = TestApp.NewPrefix();
        await using (var before = await TestApp.StartAsync(Settings(feed.Url("/feed")), sharedPrefix: prefix))
        {
            var channel = before.Get<IChannelCatalog>().Find("ch")!;
            var items = Labelled(3).Select((l, i) => new ContentItem { Id = $"c{i}", Kind = ItemKind.Comment, AuthorId = "fan", CreatedAt = Now.AddDays(-1).AddMinutes(i), Text = l.Text }).ToList();
            await before.Get<IngestionService>().IngestAsync(channel, items, CancellationToken.None);
            var labels = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject { ["channelId"] = "ch", ["itemId"] = i.Id, ["label"] = "critical" })]);
            using var stored = await PostJsonAsync(before.Client, "/api/critics/labels", new JsonObject { ["labels"] = labels });
            Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        }

        // The brand's channel is renamed in configuration: its old labels can no longer reach their comments.
        var renamed = Settings(feed.Url("/feed"));
        renamed["Monitor:Channels:0:Id"] = "ch-renamed";
        await using var after = await TestApp.StartAsync(renamed, sharedPrefix: prefix);
        using var train = await after.Client.PostAsync("/api/critics/models/Kitsune%20Games/from-labels", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, train.StatusCode);
        var problem = JsonNode.Parse(await train.Content.ReadAsStringAsync())!;
        Assert.Equal((3, 3), (problem["rows"]!.GetValue<int>(), problem["skipped"]!.GetValue<int>()));
        Assert.All(problem["errors"]!.AsArray(), e => Assert.StartsWith("channel 'ch' is no longer configured", e!["error"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"labels\":[{\"channelId\":\"nope\",\"itemId\":\"x\",\"label\":\"critical\"}]}", 400, "labels[0]: no channel 'nope'")]
    [InlineData("{\"labels\":[{\"channelId\":\"ch\",\"itemId\":\"x\",\"label\":\"angry\"}]}", 400, "labels[0]: 'label' must be 'critical' or 'not_critical', not 'angry'")]
    [InlineData("{\"labels\":[{\"channelId\":\"ch\",\"label\":\"critical\"}]}", 400, "labels[0]: 'itemId' is missing")]
    [InlineData("{\"labels\":[]}", 400, "'labels' must hold 1 to 1000 labels; got 0")]
    [InlineData("{\"labels\":", 400, "The body must be JSON")]
    [InlineData("{\"labels\":[{\"channelId\":\"ch\",\"itemId\":\"never-stored\",\"label\":\"critical\"}]}", 404, "has no stored item 'never-stored'; nothing was stored")]
    public async Task Bad_labels_are_refused_with_the_reason_and_store_nothing(string body, int status, string expected)
    {
        await using var app = await TestApp.StartAsync(Settings(new Uri("http://127.0.0.1:1/feed")));

        using var response = await app.Client.PostAsync("/api/critics/labels", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(expected, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, (await app.GetJsonAsync("/api/critics/labels?brand=Kitsune%20Games"))["count"]!.GetValue<int>());
        using var train = await app.Client.PostAsync("/api/critics/models/Kitsune%20Games/from-labels", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, train.StatusCode);
    }

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, JsonNode body) =>
        client.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
}
