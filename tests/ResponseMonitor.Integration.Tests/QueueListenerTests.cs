using ResponseMonitor.App.Hosting;
using ResponseMonitor.App.Functions;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using ResponseMonitor.App.Standalone;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;
using ResponseMonitor.Storage;
using ResponseMonitor.Storage.Queues;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// The standalone queue trigger keeps the Functions host's semantics on a real Azurite queue: Base64 bodies
/// (azure-sdk-for-net, sdk/storage/Microsoft.Azure.WebJobs.Extensions.Storage.Queues/src/QueueTriggerAttribute.cs),
/// batchSize, visibilityTimeout, maxDequeueCount and the <c>&lt;queue&gt;-poison</c> queue as host.json's
/// extensions.queues and the trigger's doc describe them (learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue-trigger,
/// "Poison messages").
/// </summary>
public sealed class QueueListenerTests
{
    private static Dictionary<string, string?> Settings(int maxDequeueCount) => TestApp.Merge(
        TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")),
        new Dictionary<string, string?>
        {
            ["extensions:queues:maxDequeueCount"] = maxDequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["extensions:queues:visibilityTimeout"] = "00:00:00",
        });

    [Fact]
    public async Task A_good_message_is_processed_and_deleted()
    {
        await using var app = await TestApp.StartAsync(Settings(3));
        await app.Get<IAnalysisQueue>().EnqueueAsync("ch", "test", CancellationToken.None);

        var processed = await app.Services.GetQueueListener(FunctionNames.AnalyzeChannel).RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, processed);
        Assert.NotNull(await app.Get<ISnapshotStore>().GetAsync("ch", CancellationToken.None));
        var queue = await app.Get<StorageAnalysisQueue>().GetQueueAsync(CancellationToken.None);
        Assert.Null((await queue.PeekMessageAsync()).Value);
    }

    [Fact]
    public async Task A_failing_message_is_retried_then_moved_to_the_poison_queue_base64_intact()
    {
        await using var app = await TestApp.StartAsync(Settings(3));
        var queue = await app.Get<StorageAnalysisQueue>().GetQueueAsync(CancellationToken.None);
        const string body = "{\"channelId\":\"no-such-channel\",\"reason\":\"test\",\"requestedAt\":\"2026-01-01T00:00:00Z\"}";
        await queue.SendMessageAsync(body);
        var listener = app.Services.GetQueueListener(FunctionNames.AnalyzeChannel);

        // Deliveries 1 and 2 fail and return the message at once (visibilityTimeout 0); delivery 3 poisons it.
        for (var delivery = 1; delivery <= 3; delivery++)
        {
            Assert.Equal(1, await listener.RunOnceAsync(CancellationToken.None));
        }

        Assert.Equal(0, await listener.RunOnceAsync(CancellationToken.None));
        var clients = app.Get<StorageClients>();
        var poison = clients.Queues.GetQueueClient(app.QueueName + "-poison");
        var poisoned = (await poison.ReceiveMessageAsync()).Value;
        Assert.Equal(body, poisoned.Body.ToString());

        // On the wire the message is Base64, as the Functions host writes and expects it.
        var raw = new QueueClient(AzuriteEnvironment.ConnectionString, app.QueueName + "-poison");
        await poison.UpdateMessageAsync(poisoned.MessageId, poisoned.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        var rawMessage = (await raw.PeekMessageAsync()).Value;
        Assert.Equal(body, System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(rawMessage.Body.ToString())));
    }

    [Fact]
    public async Task A_message_written_by_another_producer_in_base64_json_is_understood()
    {
        await using var app = await TestApp.StartAsync(Settings(5));
        var raw = new QueueClient(AzuriteEnvironment.ConnectionString, app.QueueName);
        await raw.CreateIfNotExistsAsync();
        var json = new JsonObject { ["channelId"] = "ch", ["reason"] = "external", ["requestedAt"] = "2026-01-01T00:00:00Z" }.ToJsonString();
        await raw.SendMessageAsync(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Equal(1, await app.Services.GetQueueListener(FunctionNames.AnalyzeChannel).RunOnceAsync(CancellationToken.None));
        Assert.NotNull(await app.Get<ISnapshotStore>().GetAsync("ch", CancellationToken.None));
    }

    [Fact]
    public async Task A_message_that_is_not_base64_goes_to_poison_at_once_and_the_messages_beside_it_flow()
    {
        await using var app = await TestApp.StartAsync(TestApp.Merge(Settings(5), TestApp.Channel(1, "other", new Uri("http://127.0.0.1:1/feed"))));
        var raw = new QueueClient(AzuriteEnvironment.ConnectionString, app.QueueName);
        await raw.CreateIfNotExistsAsync();
        await raw.SendMessageAsync("%%% not base64 %%%");
        await app.Get<IAnalysisQueue>().EnqueueAsync("ch", "test", CancellationToken.None);
        await app.Get<IAnalysisQueue>().EnqueueAsync("other", "test", CancellationToken.None);
        await app.Get<IAnalysisQueue>().EnqueueAsync("ch", "again", CancellationToken.None);

        Assert.Equal(4, await app.Services.GetQueueListener(FunctionNames.AnalyzeChannel).RunOnceAsync(CancellationToken.None));

        Assert.NotNull(await app.Get<ISnapshotStore>().GetAsync("ch", CancellationToken.None));
        Assert.NotNull(await app.Get<ISnapshotStore>().GetAsync("other", CancellationToken.None));
        Assert.Null((await raw.PeekMessageAsync()).Value);
        var poison = new QueueClient(AzuriteEnvironment.ConnectionString, app.QueueName + "-poison");
        var poisoned = (await poison.ReceiveMessagesAsync(32)).Value;
        Assert.Equal(["%%% not base64 %%%"], poisoned.Select(m => m.Body.ToString()));
    }

    [Theory]
    [InlineData("eyJhIjoxfQ==", "{\"a\":1}")]
    [InlineData("%%%", null)]
    [InlineData("//79", null)]
    public void Decoding_takes_base64_of_utf8_only(string wire, string? text) =>
        Assert.Equal(text, StorageQueueListener.Decode(BinaryData.FromString(wire)));
}
