using System.Net;
using System.Text;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Integration.Tests.Infrastructure;
using ResponseMonitor.Storage;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// Every API route the app maps, fed malformed JSON, wrong types, huge bodies and fields, odd Unicode, path tricks,
/// wrong methods and content types and bad signatures, from a fixed seed. No answer may be a 500, carry a stack trace or
/// a .NET type name, and a refused request may change nothing in storage.
/// </summary>
public sealed class RouteFuzzTests
{
    private const string Secret = "fuzz-webhook-secret";

    private static readonly string[] RouteValues = ["ch", "nope", "..%2F..%2Fappsettings.json", "%00", new('a', 300), "%C3%BC%F0%9F%98%80%E2%80%AE", "%ZZ", "critics", ""];

    private static readonly string[] Bodies =
    [
        "{", "[]", "null", "42", "\"text\"", "{\"texts\":\"abc\"}", "{\"labels\":\"x\"}", "{\"texts\":[null,{},[]]}",
        "{\"channelId\":123,\"duration\":[],\"createdBy\":{}}", "{\"items\":[{\"id\":null}]}", "{\"items\":\"x\"}",
        "{\"text\":\"\\ud800\\udfff\\ud800\"}", "{\"a\":\"\u0000\u202e\u200b\"}", "{\"texts\":[\"" + new string('x', 20_000) + "\"]}",
        "id,text\n1,\"unterminated", "{\"id\":\"a\",\"createdAt\":\"0001-01-01T00:00:00Z\"}\n{\"id\":\"\\ud800\"}",
    ];

    private static readonly string[] ContentTypes = ["application/json", "text/plain", "application/x-ndjson", "text/csv", "text/html", "application/xml"];

    private static readonly string[] Queries =
    [
        "", "?limit=-1", "?limit=abc", "?limit=99999999999", "?from=garbage", "?from=0001-01-01T00:00:00Z", "?to=9999-12-31T23:59:59Z",
        "?state=zzz", "?unknown=1", "?channel=nope", "?brand=%00", "?critical=maybe", "?status=everything", "?hub.mode=subscribe&hub.verify_token=x&hub.challenge=y",
    ];

    [Fact]
    public async Task No_route_answers_500_or_leaks_internals_and_refused_requests_store_nothing()
    {
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed"), webhookSecret: Secret));
        var random = new Random(20261127);
        var endpoints = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: e.RoutePattern, Method: e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single()))
            .ToList();
        var failures = new List<string>();
        var requests = 0;

        foreach (var (pattern, method) in endpoints)
        {
            var cases = new List<(string Method, string Path, string? Body, string? ContentType, bool Signed)>();
            foreach (var value in RouteValues)
            {
                cases.Add((method, Path(pattern, value), null, null, false));
            }

            foreach (var query in Queries)
            {
                cases.Add((method, Path(pattern, "ch") + query, null, null, false));
            }

            foreach (var wrong in new[] { "PUT", "PATCH", method == "GET" ? "DELETE" : "GET" })
            {
                cases.Add((wrong, Path(pattern, "ch"), "{}", "application/json", false));
            }

            if (method is "POST")
            {
                foreach (var body in Bodies)
                {
                    cases.Add((method, Path(pattern, "ch"), body, ContentTypes[random.Next(ContentTypes.Length)], random.Next(2) == 0));
                    cases.Add((method, Path(pattern, "ch"), body, "application/json", false));
                }

                cases.Add((method, Path(pattern, "ch"), "{\"comment\":\"" + new string('y', 5 * 1024 * 1024) + "\"}", "application/json", false));
            }

            foreach (var (verb, path, body, contentType, signed) in cases)
            {
                var before = await StoredRowsAsync(app);
                using var request = new HttpRequestMessage(new HttpMethod(verb), path);
                if (body is not null)
                {
                    request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                    if (contentType is not null)
                    {
                        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                    }
                }

                if (path.StartsWith("/api/webhooks/", StringComparison.Ordinal))
                {
                    request.Headers.TryAddWithoutValidation(App.Api.Webhooks.WebhookSignature.HeaderName, signed ? "sha256=" + new string('0', 64) : "sha1=nonsense");
                }

                HttpResponseMessage response;
                try
                {
                    response = await app.Client.SendAsync(request);
                }
                catch (HttpRequestException ex)
                {
                    // The server may close the connection on a body it refused before reading it all.
                    if (body?.Length < 1024 * 1024)
                    {
                        failures.Add($"{verb} {path}: connection failed: {ex.Message}");
                    }

                    continue;
                }

                requests++;
                using (response)
                {
                    var text = await response.Content.ReadAsStringAsync();
                    var status = (int)response.StatusCode;
                    if (status >= 500 || text.Contains("   at ", StringComparison.Ordinal) || text.Contains("System.", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal))
                    {
                        failures.Add($"{verb} {path} [{contentType}] {Shorten(body)} -> {status}: {Shorten(text)}");
                    }
                    else if (status >= 400 && await StoredRowsAsync(app) != before)
                    {
                        failures.Add($"{verb} {path} [{contentType}] {Shorten(body)} -> {status} but storage changed");
                    }
                }
            }
        }

        Assert.True(requests > 500, $"only {requests} requests were made");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests}:\n" + string.Join("\n", failures.Take(20)));
    }

    private static string Path(RoutePattern pattern, string value) =>
        "/" + string.Join('/', pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p is RoutePatternLiteralPart literal ? literal.Content : value))));

    private static string Shorten(string? text) => text is null ? "" : text.Length > 120 ? text[..120] + "…" : text;

    /// <summary>How many rows each of this app's tables holds: a refused request must leave it as it was.</summary>
    private static async Task<string> StoredRowsAsync(TestApp app)
    {
        var tables = app.Get<StorageClients>().Tables;
        var counts = new List<string>();
        await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(app.Prefix) >= 0 && t.Name.CompareTo(app.Prefix + "~") < 0))
        {
            var rows = 0;
            await foreach (var _ in tables.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey"]))
            {
                rows++;
            }

            // A table created empty on first use is not a stored change.
            if (rows > 0)
            {
                counts.Add($"{table.Name}={rows}");
            }
        }

        return string.Join(',', counts);
    }
}
