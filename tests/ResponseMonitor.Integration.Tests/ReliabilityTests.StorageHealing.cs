using ResponseMonitor.App.Hosting;
using System.Net;
using System.Text;
using ResponseMonitor.App.Functions;
using ResponseMonitor.App.Standalone;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;
using ResponseMonitor.Storage;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// Issue 27, defect 8: storage that comes back empty (an in-memory Azurite restarted, a table or queue deleted) used
/// to answer 503 on every route and fail every poll and queue tick until the app restarted. Azure Storage answers a
/// request to a missing table 404 <c>TableNotFound</c> and to a missing queue 404 <c>QueueNotFound</c>
/// (learn.microsoft.com/rest/api/storageservices/table-service-error-codes and queue-service-error-codes); the app
/// now makes them again and carries on.
/// </summary>
public sealed partial class ReliabilityTests
{
    [Fact]
    public async Task Tables_and_queues_deleted_under_a_running_app_are_made_again_by_the_next_request_and_tick()
    {
        await using var feed = await LoopbackServer.StartAsync();
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        var items = new List<System.Text.Json.Nodes.JsonObject> { Feed.Post("p1", "brand", at), Feed.Comment("c1", "p1", "u1", at.AddMinutes(1), "Still no refund, terrible!") };
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(items));
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed")));
        var poller = app.Get<PollChannelsFunction>();
        var listener = app.Services.GetQueueListener(FunctionNames.AnalyzeChannel);
        await poller.RunAsync(CancellationToken.None);
        await TestApp.DrainPollQueueAsync(app);
        Assert.True(await listener.RunOnceAsync(CancellationToken.None) > 0);

        // Storage comes back empty: every table and the queue of this app are gone.
        var clients = app.Get<StorageClients>();
        await foreach (var table in clients.Tables.QueryAsync(t => t.Name.CompareTo(app.Prefix) >= 0 && t.Name.CompareTo(app.Prefix + "~") < 0))
        {
            await clients.Tables.DeleteTableAsync(table.Name);
        }

        await clients.Queues.GetQueueClient(app.QueueName).DeleteAsync();

        using var dashboard = await app.Client.GetAsync("/api/dashboard");
        using var silences = await app.Client.GetAsync("/api/silences");
        using var import = await app.Client.PostAsync("/api/import/ch", new StringContent(Feed.Comment("c2", "p1", "u2", at.AddMinutes(2), "hello?").ToJsonString(), Encoding.UTF8, "application/x-ndjson"));
        var outcome = Assert.Single((await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None)).Channels);
        var analysed = await listener.RunOnceAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, silences.StatusCode);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.True(analysed > 0);
        Assert.Equal(3, (await app.Get<IItemStore>().GetAsync("ch", ["p1", "c1", "c2"], CancellationToken.None)).Count);
        Assert.NotNull(await app.Get<ISnapshotStore>().GetAsync("ch", CancellationToken.None));
    }
}
