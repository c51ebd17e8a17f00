using Azure.Data.Tables;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ingestion;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;
using ResponseMonitor.Storage;

namespace ResponseMonitor.Integration.Tests;

/// <summary>Ingestion over real Table Storage: idempotent, batched, threads resolved across batches.</summary>
public sealed class IngestionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static ChannelDefinition Channel(IChannelCatalog catalog) => catalog.Find("ch")!;

    private static ContentItem Comment(string id, string parent, string author, int minutes, string text = "hello?") =>
        new() { Id = id, ParentId = parent, Kind = ItemKind.Comment, AuthorId = author, CreatedAt = T0.AddMinutes(minutes), Text = text };

    private static async Task<List<TableEntity>> ItemEntities(TestApp app)
    {
        var table = app.Get<StorageClients>().Tables.GetTableClient(app.Prefix + "Items");
        var result = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>())
        {
            result.Add(e);
        }

        return result;
    }

    [Fact]
    public async Task The_same_items_twice_are_stored_once_and_an_edit_replaces_the_text()
    {
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")));
        var ingestion = app.Get<IngestionService>();
        var channel = Channel(app.Get<IChannelCatalog>());
        var post = new ContentItem { Id = "p/1", Kind = ItemKind.Post, AuthorId = "brand", CreatedAt = T0, Text = "post" };
        var items = new[] { post, Comment("c#1", "p/1", "u1", 5), Comment("c?2", "c#1", "u2", 6) };

        await ingestion.IngestAsync(channel, items, CancellationToken.None);
        await ingestion.IngestAsync(channel, items, CancellationToken.None);
        await ingestion.IngestAsync(channel, [Comment("c#1", "p/1", "u1", 5, "hello? (edited: still waiting!)") with { EditedAt = T0.AddMinutes(30) }], CancellationToken.None);

        var stored = await ItemEntities(app);
        Assert.Equal(3, stored.Count);
        var byId = await app.Get<IItemStore>().GetAsync("ch", ["p/1", "c#1", "c?2"], CancellationToken.None);
        Assert.Equal("hello? (edited: still waiting!)", byId["c#1"].Text);
        Assert.Equal("c#1", byId["c?2"].ThreadId);
        Assert.Equal(T0.AddMinutes(30), byId["c#1"].EditedAt);
    }

    [Fact]
    public async Task More_items_than_one_transaction_holds_are_all_stored()
    {
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")));
        var items = Enumerable.Range(0, 250).Select(i => Comment($"c{i}", "p", "u" + i, i)).ToList();

        await app.Get<IngestionService>().IngestAsync(Channel(app.Get<IChannelCatalog>()), items, CancellationToken.None);

        Assert.Equal(250, (await ItemEntities(app)).Count);
    }

    [Fact]
    public async Task A_reply_in_a_later_batch_joins_the_thread_of_its_stored_parent_and_brand_activity_only_moves_forward()
    {
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")));
        var ingestion = app.Get<IngestionService>();
        var channel = Channel(app.Get<IChannelCatalog>());

        await ingestion.IngestAsync(channel, [new ContentItem { Id = "p", Kind = ItemKind.Post, AuthorId = "brand", CreatedAt = T0 }, Comment("top", "p", "u1", 10)], CancellationToken.None);
        await ingestion.IngestAsync(channel, [Comment("reply", "top", "u2", 20), Comment("answer", "reply", "brand", 90)], CancellationToken.None);
        await ingestion.IngestAsync(channel, [Comment("old-brand", "p", "brand", 1)], CancellationToken.None);

        var items = await app.Get<IItemStore>().GetAsync("ch", ["top", "reply", "answer"], CancellationToken.None);
        Assert.All(items.Values, i => Assert.Equal("top", i.ThreadId));
        var state = await app.Get<IChannelStateStore>().GetAsync("ch", CancellationToken.None);
        Assert.Equal(T0.AddMinutes(90), state!.LastBrandActivityAt);
    }

    [Fact]
    public async Task Two_analyses_that_close_the_same_message_both_succeed()
    {
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")));
        var store = app.Get<IOpenCommentStore>();
        var verdict = new Domain.Critics.CriticVerdict("en", Domain.Critics.CriticLabel.NotCritical, 0, []);
        var waiting = new Domain.Analysis.OpenComment(Comment("q", "p", "u1", 1) with { ThreadId = "q" }, verdict);
        await store.ReplaceAsync("ch", [], [waiting], CancellationToken.None);
        var previous = await store.GetAsync("ch", CancellationToken.None);

        await Task.WhenAll(
            store.ReplaceAsync("ch", previous, [], CancellationToken.None),
            store.ReplaceAsync("ch", previous, [], CancellationToken.None));
        await store.ReplaceAsync("ch", previous, [], CancellationToken.None);

        Assert.Empty(await store.GetAsync("ch", CancellationToken.None));
    }
}
