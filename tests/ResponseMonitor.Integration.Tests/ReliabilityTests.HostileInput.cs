using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.App.Api.Webhooks;
using ResponseMonitor.App.Functions;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// Issue 27, "Defects" 1, 2, 3, 6 and 7: the function key in the query, ids whose escaped key exceeds storage's limit,
/// items dated in the future, errors that echo a huge value, and enum or required fields read loosely. Each test
/// failed before its fix.
/// </summary>
public sealed partial class ReliabilityTests
{
    private const string PushSecret = "hostile-input-webhook-secret";

    /// <summary>The routes that check their query, as a caller sends them with the function key in the query.</summary>
    public static TheoryData<string, string, string?, string?> KeyedRoutes() => new()
    {
        { "GET", "warnings", null, null },
        { "GET", "warnings/history", null, null },
        { "GET", "unanswered", null, null },
        { "GET", "silences", null, null },
        { "GET", "notifications", null, null },
        { "GET", "metrics", null, null },
        { "GET", "metrics/exclusions?channel=ch", null, null },
        { "GET", "critics/labels?brand=default", null, null },
        { "POST", "import/ch", "{\"id\":\"p1\",\"kind\":\"post\",\"authorId\":\"brand\",\"createdAt\":\"2026-11-20T10:00:00Z\",\"text\":\"hi\"}\n", "application/x-ndjson" },
        { "POST", "critics/models/default", "{\"text\":\"bad\",\"label\":\"critical\"}\n", "application/x-ndjson" },
    };

    private static string WithKey(string path) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "code=host-function-key-0123";

    private static void AssertKeyAccepted(string path, int status, string body)
    {
        Assert.DoesNotContain("Unknown query parameter", body, StringComparison.Ordinal);
        // Training on one row answers 422 (too few rows): the key was taken, the content judged.
        Assert.True(status is >= 200 and < 300 || (status == 422 && path.StartsWith("critics/models", StringComparison.Ordinal)), $"{path} answered {status}: {body}");
    }

    [Theory]
    [MemberData(nameof(KeyedRoutes))]
    public async Task The_function_key_in_the_query_is_taken_on_every_route_that_checks_its_query(string method, string path, string? body, string? contentType)
    {
        await using var app = await TestApp.StartAsync(Channel());
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/" + WithKey(path));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType!);
        }

        using var response = await app.Client.SendAsync(request);

        AssertKeyAccepted(path, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
        using var unknown = await app.Client.GetAsync("/api/warnings?code=k&bogus=1");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);   // still strict about everything else
    }

    /// <summary>
    /// In Azure the host authenticates the key from <c>?code=</c> (azure-functions-host,
    /// src/WebJobs.Script.WebHost/Security/Authentication/Keys/AuthenticationLevelHandler.cs, FunctionsKeyQueryParamName)
    /// and then forwards the request, its whole query included, to the worker's HTTP server (src/WebJobs.Script.Grpc/
    /// Server/DefaultHttpProxyService.cs, YARP's IHttpForwarder.SendAsync, which keeps path and query). So the function
    /// sees <c>code</c> beside its own parameters.
    /// </summary>
    [Theory]
    [MemberData(nameof(KeyedRoutes))]
    public async Task Each_worker_function_takes_the_query_the_host_forwards_with_its_code(string method, string path, string? body, string? contentType)
    {
        var name = ApiRoutesByPath(method, path);
        var route = path.StartsWith("import/", StringComparison.Ordinal) ? new Dictionary<string, string> { ["channelId"] = "ch" }
            : path.StartsWith("critics/models/", StringComparison.Ordinal) ? new Dictionary<string, string> { ["brand"] = "default" }
            : null;
        using var worker = WorkerApp.Create(TestApp.Merge(Channel(), new Dictionary<string, string?> { ["Api:Key"] = null }), TestApp.NewPrefix());

        var (status, text, _) = await worker.InvokeHttpAsync(name, method, WithKey(path), route, body, contentType ?? "application/json");

        AssertKeyAccepted(path, status, text);
    }

    private static string ApiRoutesByPath(string method, string path) => (method, path.Split('?')[0]) switch
    {
        ("GET", "warnings") => FunctionNames.ListWarnings,
        ("GET", "warnings/history") => FunctionNames.ListWarningHistory,
        ("GET", "unanswered") => FunctionNames.ListUnanswered,
        ("GET", "silences") => FunctionNames.ListSilences,
        ("GET", "notifications") => FunctionNames.ListNotifications,
        ("GET", "metrics") => FunctionNames.GetMetrics,
        ("GET", "metrics/exclusions") => FunctionNames.ListExclusions,
        ("GET", "critics/labels") => FunctionNames.ListCriticLabels,
        ("POST", "import/ch") => FunctionNames.ImportHistory,
        ("POST", "critics/models/default") => FunctionNames.TrainCriticModel,
        _ => throw new ArgumentException(path),
    };

    private static async Task<(HttpStatusCode Status, string Body)> PushAsync(TestApp app, string page)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/ch") { Content = new StringContent(page, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(PushSecret, Encoding.UTF8.GetBytes(page)));
        using var response = await app.Anonymous.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static Task<TestApp> PushAppAsync(Uri? feed = null) =>
        TestApp.StartAsync(TestApp.Channel(0, "ch", feed ?? new Uri("http://127.0.0.1:1/feed"), webhookSecret: PushSecret));

    // 171 slashes: within the 256-character rule, but 513 characters once each '/' is written %2F.
    private static readonly string SlashId = new('/', 171);

    [Fact]
    public async Task A_push_with_an_id_that_escapes_past_the_key_limit_is_a_400_naming_the_field_and_stores_nothing()
    {
        await using var app = await PushAppAsync();
        var at = DateTimeOffset.UtcNow.AddHours(-1);

        var (status, body) = await PushAsync(app, Feed.Page([Feed.Post("p1", "brand", at), Feed.Comment(SlashId, "p1", "u1", at.AddMinutes(1))]));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("items[1]: 'id' becomes a storage key of 513 characters", body, StringComparison.Ordinal);
        Assert.Empty(await app.Get<IItemStore>().GetAsync("ch", ["p1"], CancellationToken.None));
    }

    [Fact]
    public async Task An_import_with_one_unstorable_id_stores_every_other_row_and_names_the_line()
    {
        await using var app = await TestApp.StartAsync(Channel());
        var lines = Enumerable.Range(1, 1000).Select(i => new JsonObject
        {
            ["id"] = i == 950 ? SlashId : $"p{i}",
            ["kind"] = "post",
            ["authorId"] = "brand",
            ["createdAt"] = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i).ToString("O"),
            ["text"] = "post " + i,
        }.ToJsonString());

        using var response = await app.Client.PostAsync("/api/import/ch", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(999, body["imported"]!.GetValue<int>());
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal(950, error["line"]!.GetValue<int>());
        Assert.Contains("storage key of 513 characters", error["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, (await app.Get<IItemStore>().GetAsync("ch", ["p949", "p951"], CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_polled_item_with_an_unstorable_id_is_skipped_and_the_items_after_it_are_stored()
    {
        await using var feed = await LoopbackServer.StartAsync();
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page([Feed.Post("p1", "brand", at), Feed.Comment(SlashId, "p1", "u1", at.AddMinutes(1)), Feed.Comment("c2", "p1", "u2", at.AddMinutes(2))]));
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed")));

        var outcome = Assert.Single((await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None)).Channels);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(2, outcome.ItemsStored);
        Assert.Null((await app.Get<IChannelStateStore>().GetAsync("ch", CancellationToken.None))!.LastPollError);
    }

    [Fact]
    public async Task Storage_refusing_a_write_is_answered_as_a_4xx_never_as_a_503()
    {
        // A real refusal from storage: Azurite answers a RowKey over 1 KiB with 400.
        var table = new TableClient(AzuriteEnvironment.ConnectionString, TestApp.NewPrefix() + "refused");
        await table.CreateIfNotExistsAsync();
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpsertEntityAsync(new TableEntity("p", new string('k', 600))));
        Assert.Equal(400, refused.Status);
        await table.DeleteAsync();
        using var worker = WorkerApp.Create(Channel(), TestApp.NewPrefix());
        using var scope = worker.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Path = "/api/import/ch";
        context.Response.Body = new MemoryStream();

        var handled = false;
        foreach (var handler in worker.Services.GetServices<IExceptionHandler>())
        {
            if (await handler.TryHandleAsync(context, refused, CancellationToken.None))
            {
                handled = true;
                break;
            }
        }

        Assert.True(handled);
        Assert.Equal(400, context.Response.StatusCode);
        Assert.False(context.Response.Headers.ContainsKey("Retry-After"));
        Assert.Contains("will not help", Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_polled_item_dated_in_the_future_is_skipped_and_the_cursor_never_passes_now()
    {
        await using var feed = await LoopbackServer.StartAsync();
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        var items = new List<JsonObject> { Feed.Post("p1", "brand", at), Feed.Comment("future", "p1", "u1", new DateTimeOffset(2999, 1, 1, 0, 0, 0, TimeSpan.Zero)) };
        string? since = null;
        feed.Handler = ctx =>
        {
            since = ctx.Request.Query["since"].FirstOrDefault();
            var after = since is null ? DateTimeOffset.MinValue : DateTimeOffset.Parse(since, CultureInfo.InvariantCulture);
            return Feed.Write(ctx, Feed.Page(items.Where(i => DateTimeOffset.Parse(i["createdAt"]!.GetValue<string>(), CultureInfo.InvariantCulture) >= after)));
        };
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed")));
        var poller = app.Get<ChannelPoller>();

        await poller.PollAllAsync(CancellationToken.None);
        items.Add(Feed.Comment("later", "p1", "u2", DateTimeOffset.UtcNow.AddMinutes(-1)));
        await poller.PollAllAsync(CancellationToken.None);

        var stored = await app.Get<IItemStore>().GetAsync("ch", ["p1", "future", "later"], CancellationToken.None);
        Assert.Equal(["later", "p1"], stored.Keys.Order(StringComparer.Ordinal));
        Assert.True(DateTimeOffset.Parse(since!, CultureInfo.InvariantCulture) <= DateTimeOffset.UtcNow);

        // A cursor stored in the future before this rule (2999) is read from now instead, so the feed moves again.
        await app.Get<IChannelStateStore>().RecordPollSuccessAsync("ch", "{\"since\":\"2999-01-01T00:00:00.0000000+00:00\",\"seen\":[]}", DateTimeOffset.UtcNow, CancellationToken.None);
        await poller.PollAllAsync(CancellationToken.None);
        Assert.True(DateTimeOffset.Parse(since!, CultureInfo.InvariantCulture) <= DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Push_and_import_hold_future_dates_to_the_same_rule_as_a_poll()
    {
        await using var app = await PushAppAsync();
        var future = DateTimeOffset.UtcNow.AddHours(1);

        var (status, body) = await PushAsync(app, Feed.Page([Feed.Post("p1", "brand", future)]));
        var withinSkew = await PushAsync(app, Feed.Page([Feed.Post("p2", "brand", DateTimeOffset.UtcNow.AddMinutes(2))]));
        using var import = await app.Client.PostAsync("/api/import/ch", new StringContent(Feed.Post("p3", "brand", future).ToJsonString(), Encoding.UTF8, "application/x-ndjson"));
        var imported = JsonNode.Parse(await import.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("items[0]: 'createdAt'", body, StringComparison.Ordinal);
        Assert.Contains("is in the future (more than 5 minutes after now)", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, withinSkew.Status);
        Assert.Contains("is in the future (more than 5 minutes after now)", imported["errors"]![0]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_quote_only_a_short_prefix_of_a_huge_bad_value()
    {
        await using var app = await PushAppAsync();
        var huge = new string('9', 900_000);
        var item = Feed.Post("p1", "brand", DateTimeOffset.UtcNow);
        item["createdAt"] = huge;

        var (status, body) = await PushAsync(app, Feed.Page([item]));
        using var import = await app.Client.PostAsync("/api/import/ch", new StringContent(item.ToJsonString(), Encoding.UTF8, "application/x-ndjson"));
        var importBody = await import.Content.ReadAsStringAsync();
        using var query = await app.Client.GetAsync("/api/warnings?limit=" + new string('7', 6_000));
        var queryBody = await query.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.InRange(body.Length, 1, 2_000);
        Assert.Contains("(900,000 characters)", body, StringComparison.Ordinal);
        Assert.InRange(importBody.Length, 1, 2_000);
        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        Assert.InRange(queryBody.Length, 1, 2_000);
    }

    [Theory]
    [InlineData("/api/silences", "{\"channelId\":\"ch\",\"maxSeverity\":\"info,warning\",\"duration\":\"01:00:00\",\"createdBy\":\"a\",\"comment\":\"b\"}", "maxSeverity must be info, warning or critical")]
    [InlineData("/api/silences", "{\"channelId\":\"ch\",\"maxSeverity\":\"critical \",\"duration\":\"01:00:00\",\"createdBy\":\"a\",\"comment\":\"b\"}", "maxSeverity must be info, warning or critical")]
    [InlineData("/api/silences", "{\"channelId\":\"ch\",\"maxSeverity\":\"2\",\"duration\":\"01:00:00\",\"createdBy\":\"a\",\"comment\":\"b\"}", "maxSeverity must be info, warning or critical")]
    [InlineData("/api/silences", "{\"channelId\":\"ch\",\"duration\":\"01:00:00\",\"createdBy\":\"\\u0000\",\"comment\":\"b\"}", "needs createdBy and a comment")]
    [InlineData("/api/silences", "{\"channelId\":\"ch\",\"duration\":\"01:00:00\",\"createdBy\":\"a\",\"comment\":\"\\u200b\\u0007 \"}", "needs createdBy and a comment")]
    public async Task Enum_names_are_read_exactly_and_required_text_must_show_something(string path, string body, string expected)
    {
        await using var app = await TestApp.StartAsync(Channel());

        var (status, text) = await PostJsonAsync(app, path, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Empty((await app.GetJsonAsync("/api/silences"))["items"]!.AsArray());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("post,comment")]
    [InlineData(" post")]
    public async Task A_push_kind_that_is_not_a_kind_name_is_refused(string kind)
    {
        await using var app = await PushAppAsync();
        var item = Feed.Post("p1", "brand", DateTimeOffset.UtcNow.AddHours(-1));
        item["kind"] = kind;

        var (status, body) = await PushAsync(app, Feed.Page([item]));
        using var severity = await app.Client.GetAsync("/api/warnings?severity=info,warning");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("expected 'post' or 'comment'", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, severity.StatusCode);
    }
}
