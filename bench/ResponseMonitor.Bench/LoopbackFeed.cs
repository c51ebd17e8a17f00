using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ResponseMonitor.Bench;

/// <summary>
/// Generic feeds (docs/GENERIC_FEED.md) for any number of channels on one loopback server, at <c>/feed/{channel}</c>:
/// every channel has the same small history (a brand post, a complaint, and optionally a comment the brand answered),
/// and with a cursor (<c>since</c>) there is nothing new, so every cycle after the first is a quiet one.
/// </summary>
internal sealed class LoopbackFeed : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackFeed(WebApplication app) => _app = app;

    /// <summary>The server's root; a channel's feed is <c>{Url}/feed/{channel}</c>.</summary>
    public string Url => _app.Urls.First();

    /// <param name="latency">How long each answer waits (a platform's answer time), or zero.</param>
    /// <param name="answeredComment">Adds a second comment and the brand's reply to it (four items instead of two).</param>
    public static async Task<LoopbackFeed> StartAsync(TimeSpan latency, bool answeredComment)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var t0 = DateTimeOffset.UtcNow.AddHours(-3);
        app.MapGet("/feed/{channel}", async (string channel, string? since) =>
        {
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency);
            }

            if (!string.IsNullOrEmpty(since))
            {
                return Results.Text("{\"items\":[]}", "application/json");
            }

            var items = new List<string>
            {
                $"{{\"id\":\"{channel}-p\",\"authorId\":\"brand\",\"createdAt\":\"{t0:O}\",\"text\":\"New products\"}}",
                $"{{\"id\":\"{channel}-c1\",\"parentId\":\"{channel}-p\",\"authorId\":\"u1\",\"createdAt\":\"{t0.AddMinutes(5):O}\",\"text\":\"Still waiting for my refund!\"}}",
            };
            if (answeredComment)
            {
                items.Add($"{{\"id\":\"{channel}-c2\",\"parentId\":\"{channel}-p\",\"authorId\":\"u2\",\"createdAt\":\"{t0.AddMinutes(9):O}\",\"text\":\"Nice\"}}");
                items.Add($"{{\"id\":\"{channel}-r2\",\"parentId\":\"{channel}-c2\",\"authorId\":\"brand\",\"createdAt\":\"{t0.AddMinutes(30):O}\",\"text\":\"Thanks\"}}");
            }

            return Results.Text($"{{\"items\":[{string.Join(',', items)}]}}", "application/json");
        });
        await app.StartAsync();
        return new LoopbackFeed(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
