using Azure.Data.Tables;
using ResponseMonitor.Domain.Critics.Learning;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Storage.Tables;

/// <summary>
/// CriticLabels table: PartitionKey = brand (lower case), RowKey = "{channelId}|{itemId}", so a brand's labels are one
/// partition read and a comment labelled twice keeps its last label. Channel ids cannot hold '|' (the options say so).
/// </summary>
internal sealed class TableCriticLabelStore(TableProvider tables) : ICriticLabelStore
{
    public async Task SaveAsync(IReadOnlyList<CommentLabel> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var table = await tables.GetAsync(TableNames.CriticLabels, cancellationToken).ConfigureAwait(false);
        foreach (var brand in labels.GroupBy(l => Partition(l.Brand), StringComparer.Ordinal))
        {
            // One action per entity in a transaction: the last label of a comment wins.
            var actions = brand
                .GroupBy(l => Row(l.ChannelId, l.ItemId), StringComparer.Ordinal)
                .Select(g => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(g.Last())));
            await TableBatches.SubmitAsync(table, actions, _ => 512, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<CommentLabel>> ListAsync(string brand, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.CriticLabels, cancellationToken).ConfigureAwait(false);
        var partition = Partition(brand);
        var result = new List<CommentLabel>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(new CommentLabel(
                entity.GetString("Brand"),
                entity.GetString("ChannelId"),
                entity.GetString("ItemId"),
                entity.GetBoolean("Critical") ?? false,
                entity.GetDateTimeOffset("LabelledAt") ?? DateTimeOffset.MinValue));
        }

        return [.. result.OrderByDescending(l => l.LabelledAt).ThenBy(l => l.ChannelId, StringComparer.Ordinal).ThenBy(l => l.ItemId, StringComparer.Ordinal)];
    }

    public async Task<bool> DeleteAsync(string brand, string channelId, string itemId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.CriticLabels, cancellationToken).ConfigureAwait(false);
        var response = await table.DeleteEntityAsync(Partition(brand), Row(channelId, itemId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.Status != 404;
    }

    private static string Partition(string brand) => TableKeys.Encode(brand.ToLowerInvariant());

    private static string Row(string channelId, string itemId) => TableKeys.Encode(channelId) + "|" + TableKeys.Encode(itemId);

    private static TableEntity ToEntity(CommentLabel label) => new(Partition(label.Brand), Row(label.ChannelId, label.ItemId))
    {
        ["Brand"] = label.Brand,
        ["ChannelId"] = label.ChannelId,
        ["ItemId"] = label.ItemId,
        ["Critical"] = label.Critical,
        ["LabelledAt"] = label.LabelledAt,
    };
}
