using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.App.Api.Classify;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// <c>POST /api/classify</c> with the built-in detector and brand rules, and the optional Azure AI Language backend
/// against a loopback server that answers in the service's documented shapes (success, per-document errors, 401).
/// </summary>
public sealed class ClassifyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Base() => TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed"));

    private static async Task<JsonNode> ClassifyAsync(TestApp app, JsonObject body)
    {
        using var response = await app.Client.PostAsync("/api/classify", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task The_built_in_detector_answers_per_text_with_language_label_score_and_cues_and_brand_rules_win()
    {
        var settings = Base();
        settings["Critics:Rules:0:Phrase"] = "sold out";
        settings["Critics:Rules:0:Verdict"] = "not-critical";
        settings["Critics:Rules:1:Phrase"] = "#boycottacme";
        settings["Critics:Rules:1:Verdict"] = "critical";
        await using var app = await TestApp.StartAsync(settings);

        var result = await ClassifyAsync(app, new JsonObject
        {
            ["texts"] = new JsonArray(
                "Still waiting for my refund, worst service ever",
                "Gracias por la ayuda, todo perfecto",
                "Der Zug ist schon wieder ausgefallen, eine Zumutung",
                "Merde, toujours pas de réponse du service client",
                "Kiitos paljon, hyvää päivää",
                "The concert is sold out, terrible luck for me",
                "What a lovely shop #BoycottAcme"),
        });

        Assert.Equal("builtin", result["backend"]!.GetValue<string>());
        var rows = result["results"]!.AsArray().Select(r => (r!["language"]!.GetValue<string>(), r["label"]!.GetValue<string>())).ToList();
        Assert.Equal(
            [("en", "critical"), ("es", "not-critical"), ("de", "critical"), ("fr", "critical"), ("und", "unclassified"), ("en", "not-critical"), ("en", "critical")],
            rows);
        Assert.Contains("phrase:still waiting", result["results"]![0]!["cues"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Contains("rule:sold out", result["results"]![5]!["cues"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.True(result["results"]![0]!["score"]!.GetValue<double>() > result["results"]![1]!["score"]!.GetValue<double>());

        // Which detector judged each text: the shipped model for English and German, the word lists for the rest and
        // for what a rule decided.
        Assert.Equal(
            ["model", "lexicon", "model", "lexicon", "lexicon", "lexicon", "lexicon"],
            result["results"]!.AsArray().Select(r => r!["detector"]!.GetValue<string>()));
        Assert.Contains(result["results"]![0]!["cues"]!.AsArray(), c => c!.GetValue<string>().StartsWith("model: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Empty_emoji_only_huge_and_mixed_language_texts_get_a_verdict_or_unclassified()
    {
        await using var app = await TestApp.StartAsync(Base());
        var huge = "Still no update on my refund. " + new string('a', ClassifyEndpoints.MaxTextLength - 40);
        var result = await ClassifyAsync(app, new JsonObject
        {
            ["texts"] = new JsonArray("", "😡😡😡", "🎉", huge, "Gracias, but the app ist kaputt again", "   "),
        });

        var rows = result["results"]!.AsArray();
        Assert.Equal(6, rows.Count);
        Assert.Equal(("und", "unclassified"), (rows[0]!["language"]!.GetValue<string>(), rows[0]!["label"]!.GetValue<string>()));
        Assert.Equal("critical", rows[1]!["label"]!.GetValue<string>());
        Assert.Equal("model", rows[3]!["detector"]!.GetValue<string>());
        Assert.All(rows, r => Assert.Contains(r!["label"]!.GetValue<string>(), new[] { "critical", "not-critical", "unclassified" }));
    }

    [Fact]
    public async Task Long_texts_are_judged_on_their_beginning_whole_by_the_lexicon()
    {
        // The encoder reads at most the first 1,000 characters of a text (64 word pieces need fewer), so texts of the
        // longest length cost what tweets cost; the lexicon reads them whole. A thousand short texts pass above; the
        // body itself is capped at 4 MiB (JsonBody.MaxBytes).
        await using var app = await TestApp.StartAsync(Base());
        var filler = string.Concat(Enumerable.Repeat("the box was crushed and nobody answers ", 260))[..(ClassifyEndpoints.MaxTextLength - 40)];
        var texts = new JsonArray([.. Enumerable.Range(0, 100).Select(i => (JsonNode)JsonValue.Create($"order {i} arrived broken, {filler}"))]);
        var result = await ClassifyAsync(app, new JsonObject { ["texts"] = texts, ["language"] = "en" });
        Assert.Equal(100, result["results"]!.AsArray().Count);
        Assert.All(result["results"]!.AsArray(), r => Assert.Equal("model", r!["detector"]!.GetValue<string>()));
        Assert.All(result["results"]!.AsArray(), r => Assert.Contains("complaint:broken", r!["cues"]!.AsArray().Select(c => c!.GetValue<string>())));
    }

    [Theory]
    [InlineData("{", "must be JSON")]
    [InlineData("{}", "at least one text")]
    [InlineData("{\"texts\":[]}", "at least one text")]
    [InlineData("{\"texts\":[\"ok\",null]}", "texts[1] is null")]
    [InlineData("{\"texts\":\"just one\"}", "must be JSON")]
    public async Task Bad_bodies_are_refused_with_the_reason(string body, string expected)
    {
        await using var app = await TestApp.StartAsync(Base());
        using var response = await app.Client.PostAsync("/api/classify", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_a_thousand_texts_are_refused_and_a_thousand_pass()
    {
        await using var app = await TestApp.StartAsync(Base());
        var many = new JsonArray([.. Enumerable.Range(0, 1001).Select(i => (JsonNode)JsonValue.Create($"text {i}"))]);
        using var tooMany = await app.Client.PostAsync("/api/classify", new StringContent(new JsonObject { ["texts"] = many }.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("at most 1000", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var thousand = new JsonArray([.. Enumerable.Range(0, 1000).Select(i => (JsonNode)JsonValue.Create($"the app crashed again {i}"))]);
        var result = await ClassifyAsync(app, new JsonObject { ["texts"] = thousand, ["language"] = "en" });
        Assert.Equal(1000, result["results"]!.AsArray().Count);
        Assert.All(result["results"]!.AsArray(), r => Assert.Equal("model", r!["detector"]!.GetValue<string>()));

        using var anonymous = await app.Anonymous.PostAsync("/api/classify", new StringContent("{\"texts\":[\"x\"]}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    /// <summary>A stand-in for Azure AI Language: negative for texts with "awful" or "colours", an error for "klingon".</summary>
    private static Task FakeLanguageService(LoopbackServer server, HttpContext context)
    {
        var request = JsonNode.Parse(server.Requests.Last().Body)!;
        var documents = new JsonArray();
        var errors = new JsonArray();
        foreach (var doc in request["analysisInput"]!["documents"]!.AsArray())
        {
            var id = doc!["id"]!.GetValue<string>();
            var text = doc["text"]!.GetValue<string>();
            if (text.Contains("klingon", StringComparison.Ordinal))
            {
                errors.Add(new JsonObject
                {
                    ["id"] = id,
                    ["error"] = new JsonObject
                    {
                        ["code"] = "InvalidArgument",
                        ["message"] = "Invalid Language Code.",
                        ["innererror"] = new JsonObject { ["code"] = "UnsupportedLanguageCode", ["message"] = "Invalid language code. Supported languages: en,es,de,fr" },
                    },
                });
                continue;
            }

            var negative = text.Contains("awful", StringComparison.Ordinal) || text.Contains("colours", StringComparison.Ordinal);
            var scores = new JsonObject { ["positive"] = negative ? 0.01 : 0.9, ["neutral"] = negative ? 0.02 : 0.08, ["negative"] = negative ? 0.97 : 0.02 };
            documents.Add(new JsonObject
            {
                ["id"] = id,
                ["sentiment"] = negative ? "negative" : "positive",
                ["confidenceScores"] = scores,
                ["sentences"] = new JsonArray(new JsonObject { ["sentiment"] = negative ? "negative" : "positive", ["confidenceScores"] = scores.DeepClone(), ["offset"] = 0, ["length"] = text.Length, ["text"] = text }),
                ["warnings"] = new JsonArray(),
            });
        }

        var response = new JsonObject
        {
            ["kind"] = "SentimentAnalysisResults",
            ["results"] = new JsonObject { ["documents"] = documents, ["errors"] = errors, ["modelVersion"] = "2022-11-01" },
        };
        return Feed.Write(context, response.ToJsonString());
    }

    private static Dictionary<string, string?> Azure(Uri endpoint, Dictionary<string, string?>? settings = null)
    {
        var all = settings ?? Base();
        all["Critics:Backend"] = "azure-language";
        all["Critics:AzureLanguage:Endpoint"] = endpoint.ToString();
        all["Critics:AzureLanguage:ApiKey"] = "language-key-0123456789";
        return all;
    }

    [Fact]
    public async Task Azure_AI_Language_judges_in_batches_of_ten_and_what_it_cannot_judge_keeps_the_built_in_verdict()
    {
        await using var service = await LoopbackServer.StartAsync();
        service.Handler = context => FakeLanguageService(service, context);
        await using var app = await TestApp.StartAsync(Azure(service.Url("/")));

        var texts = new JsonArray([.. Enumerable.Range(0, 10).Select(i => (JsonNode)JsonValue.Create($"a perfectly fine day {i}"))]);
        texts.Add("What awful weather for a launch");
        texts.Add("klingon text nobody reads");
        var result = await ClassifyAsync(app, new JsonObject { ["texts"] = texts, ["language"] = "en" });

        Assert.Equal("azure-language", result["backend"]!.GetValue<string>());
        var requests = service.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal("/language/:analyze-text?api-version=2023-04-01", r.PathAndQuery);
            Assert.Equal("language-key-0123456789", r.Headers["Ocp-Apim-Subscription-Key"]);
            Assert.Equal("SentimentAnalysis", JsonNode.Parse(r.Body)!["kind"]!.GetValue<string>());
        });
        Assert.Equal([10, 2], requests.Select(r => JsonNode.Parse(r.Body)!["analysisInput"]!["documents"]!.AsArray().Count));
        Assert.Equal("en", JsonNode.Parse(requests[0].Body)!["analysisInput"]!["documents"]![0]!["language"]!.GetValue<string>());

        var results = result["results"]!.AsArray();
        Assert.Equal("not-critical", results[0]!["label"]!.GetValue<string>());
        Assert.Equal("critical", results[10]!["label"]!.GetValue<string>());
        Assert.Equal(0.96, results[10]!["score"]!.GetValue<double>());
        Assert.Contains("azure-language:negative=0.97", results[10]!["cues"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Contains("fallback:builtin", results[11]!["cues"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task A_refused_key_or_an_outage_falls_back_to_the_built_in_detector()
    {
        await using var service = await LoopbackServer.StartAsync();
        service.Handler = context => Feed.Write(context, """{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint."}}""", 401);
        await using var app = await TestApp.StartAsync(Azure(service.Url("/")));

        var result = await ClassifyAsync(app, new JsonObject { ["texts"] = new JsonArray("Worst service, still waiting for my refund") });
        var only = result["results"]![0]!;
        Assert.Equal("critical", only["label"]!.GetValue<string>());
        Assert.Contains("fallback:builtin", only["cues"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Single(service.Requests); // a 401 is not retried
    }

    [Fact]
    public async Task The_analysis_asks_Azure_once_per_open_message()
    {
        var time = new FakeTimeProvider(Now);
        await using var service = await LoopbackServer.StartAsync();
        service.Handler = context => FakeLanguageService(service, context);
        await using var feed = await LoopbackServer.StartAsync();
        var items = new List<JsonObject>
        {
            Feed.Post("p", "brand", Now.AddHours(-5)),
            Feed.Comment("a", "p", "u1", Now.AddHours(-4), "Interesting choice of colours"),
            Feed.Comment("b", "p", "u2", Now.AddHours(-3), "When do you open tomorrow?"),
        };
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(items));
        await using var app = await TestApp.StartAsync(Azure(service.Url("/"), TestApp.Channel(0, "ch", feed.Url("/feed"))), time);

        await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("ch", CancellationToken.None);
        Assert.Equal(2, JsonNode.Parse(Assert.Single(service.Requests).Body)!["analysisInput"]!["documents"]!.AsArray().Count);

        // The built-in detector finds nothing critical in "Interesting choice of colours"; the service does.
        var dashboard = await app.GetJsonAsync("/api/channels/ch");
        Assert.Equal(1, dashboard["channel"]!["criticalOpenCount"]!.GetValue<int>());
        var a = dashboard["unanswered"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "a")!;
        Assert.Equal("critical", a["criticLabel"]!.GetValue<string>());

        // Analysing again asks only about what is new.
        items.Add(Feed.Comment("c", "p", "u3", Now.AddHours(-1), "Is this awful thing ever coming back?"));
        time.Advance(TimeSpan.FromMinutes(5));
        await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("ch", CancellationToken.None);
        var second = service.Requests.ToList();
        Assert.Equal(2, second.Count);
        var asked = JsonNode.Parse(second[1].Body)!["analysisInput"]!["documents"]!.AsArray();
        Assert.Equal("Is this awful thing ever coming back?", Assert.Single(asked)!["text"]!.GetValue<string>());
        Assert.Equal(2, (await app.GetJsonAsync("/api/channels/ch"))["channel"]!["criticalOpenCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("Critics:Backend", "openai", "Critics:Backend must be builtin, lexicon or azure-language")]
    [InlineData("Critics:Rules:0:Verdict", "maybe", "Verdict must be critical or not-critical")]
    public async Task Bad_critic_settings_stop_start_up(string key, string value, string expected)
    {
        var settings = Base();
        settings["Critics:Rules:0:Phrase"] = "sold out";
        settings["Critics:Rules:0:Verdict"] = "critical";
        settings[key] = value;
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(settings));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Azure_without_a_key_stops_start_up()
    {
        var settings = Azure(new Uri("https://example.cognitiveservices.azure.com/"));
        settings["Critics:AzureLanguage:ApiKey"] = "";
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(settings));
        Assert.Contains("ApiKey is required", error.Message, StringComparison.Ordinal);
    }
}
