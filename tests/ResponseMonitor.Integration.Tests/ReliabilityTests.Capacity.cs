using System.Net;
using System.Text;
using ResponseMonitor.App.Standalone;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// Issue 27, defect 9: under a closed-loop read load, poll cycles started late because requests filled the thread pool
/// the timer and queue listener share. Requests are now admitted up to Api:MaxConcurrentRequests, the rest wait in
/// order (or, past Api:MaxQueuedRequests, get 503 with Retry-After), while the background work runs beside them. The
/// schedule under load is measured in the bench (docs/PERFORMANCE.md); this shows the admission itself.
/// </summary>
public sealed partial class ReliabilityTests
{
    [Fact]
    public async Task Requests_beyond_the_api_capacity_get_a_503_while_the_poll_timer_runs_beside_them()
    {
        await using var feed = await LoopbackServer.StartAsync();
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page([Feed.Post("p1", "brand", at)]));
        var settings = TestApp.Merge(TestApp.Channel(0, "ch", feed.Url("/feed")), new Dictionary<string, string?> { ["Api:MaxConcurrentRequests"] = "1", ["Api:MaxQueuedRequests"] = "0" });
        await using var app = await TestApp.StartAsync(settings);
        var line = Feed.Post("p0", "brand", at).ToJsonString() + "\n";

        // One import holds the only permit while its body trickles in: sent by hand, so that the server has its
        // headers and first line while the rest is still to come; blank lines (which an import skips) keep it above
        // Kestrel's minimum data rate until the test lets it finish.
        const int padding = 500_000;
        var uri = new Uri(app.App.Urls.First());
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST /api/import/ch HTTP/1.1\r\nHost: {uri.Authority}\r\nx-api-key: {TestApp.ApiKey}\r\nContent-Type: application/x-ndjson\r\nContent-Length: {(line.Length * 2) + padding}\r\n\r\n{line}"));
        using var finish = new CancellationTokenSource();
        var trickled = Task.Run(async () =>
        {
            var sent = 0;
            while (!finish.IsCancellationRequested && sent + 500 < padding)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(new string('\n', 500)));
                sent += 500;
                await Task.Delay(100);
            }

            return sent;
        });
        await Task.Delay(500);
        using var refused = await app.Client.GetAsync("/api/health");

        if (refused.StatusCode != HttpStatusCode.ServiceUnavailable && tcp.Available > 0)
        {
            var early = new byte[4096];
            Assert.Fail("the import ended early: " + Encoding.ASCII.GetString(early, 0, await stream.ReadAsync(early)));
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("1", refused.Headers.RetryAfter!.ToString());

        // The poll timer and the poll queue have their own capacity: they run and store while the API is full.
        Assert.True(await app.Get<PollScheduler>().TickAsync(CancellationToken.None));
        await TestApp.DrainPollQueueAsync(app);
        Assert.Single(await app.Get<IItemStore>().GetAsync("ch", ["p1"], CancellationToken.None));

        await finish.CancelAsync();
        var sent = await trickled;
        await stream.WriteAsync(Encoding.ASCII.GetBytes(new string('\n', padding - sent) + line));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("HTTP/1.1 200", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
        using var served = await app.Client.GetAsync("/api/health");   // the permit is free again
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }
}
