using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ResponseMonitor.Bench.Stress;

/// <summary>A webhook notification sink on loopback: counts each notification id it receives (docs/WARNINGS.md).</summary>
internal sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NotificationReceiver(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, int> Received { get; } = new(StringComparer.Ordinal);

    public Uri Url(string pathAndQuery) => new(new Uri(_app.Urls.First()), pathAndQuery);

    public int Duplicates => Received.Values.Count(n => n > 1);

    public static async Task<NotificationReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new NotificationReceiver(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            foreach (var n in body.RootElement.GetProperty("notifications").EnumerateArray())
            {
                receiver.Received.AddOrUpdate(n.GetProperty("notificationId").GetString()!, 1, (_, c) => c + 1);
            }

            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
