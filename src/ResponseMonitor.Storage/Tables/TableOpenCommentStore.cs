using Azure.Data.Tables;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Storage.Tables;

/// <summary>
/// Open table: PartitionKey = channel id, RowKey = item id. Holds a copy of each waiting message with its verdict,
/// so the dashboard reads only what is open. Replace writes only the difference.
/// </summary>
internal sealed class TableOpenCommentStore(TableProvider tables) : IOpenCommentStore
{
    public async Task<IReadOnlyList<OpenComment>> GetAsync(string channelId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.OpenComments, cancellationToken).ConfigureAwait(false);
        var result = new List<OpenComment>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(channelId)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var cues = entity.GetString("CriticCues") is { Length: > 0 } joined ? joined.Split('\n') : [];
            var verdict = new CriticVerdict(
                entity.GetString("CriticLanguage") ?? "und",
                Enum.TryParse<CriticLabel>(entity.GetString("CriticLabel"), out var label) ? label : CriticLabel.Unclassified,
                entity.GetDouble("CriticScore") ?? 0,
                cues)
            {
                Detector = entity.GetString("CriticDetector") ?? LexiconCriticClassifier.DetectorName,
            };
            result.Add(new OpenComment(TableItemStore.FromEntity(entity), verdict));
        }

        result.Sort((a, b) => a.Item.CreatedAt.CompareTo(b.Item.CreatedAt));
        return result;
    }

    public async Task ReplaceAsync(string channelId, IReadOnlyList<OpenComment> previous, IReadOnlyList<OpenComment> open, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(open);
        var before = previous.ToDictionary(o => o.Item.Id, StringComparer.Ordinal);
        var now = open.Select(o => o.Item.Id).ToHashSet(StringComparer.Ordinal);
        var actions = new List<TableTransactionAction>();
        foreach (var comment in open)
        {
            if (!before.TryGetValue(comment.Item.Id, out var was) || !SameItem(was, comment) || was.Verdict.Label != comment.Verdict.Label || was.Verdict.Score != comment.Verdict.Score || was.Verdict.Detector != comment.Verdict.Detector)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(channelId, comment)));
            }
        }

        var table = await tables.GetAsync(TableNames.OpenComments, cancellationToken).ConfigureAwait(false);
        if (actions.Count > 0)
        {
            await TableBatches.SubmitAsync(table, actions, a => 512 + (2 * (((TableEntity)a.Entity).GetString("Text")?.Length ?? 0)), cancellationToken).ConfigureAwait(false);
        }

        // Deletes go one by one and tolerate "already gone": two analyses of one channel may both close the same message.
        foreach (var gone in previous.Where(p => !now.Contains(p.Item.Id)))
        {
            await table.DeleteEntityAsync(TableKeys.Encode(channelId), TableKeys.Encode(gone.Item.Id), Azure.ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool SameItem(OpenComment a, OpenComment b) =>
        a.Item.Text == b.Item.Text && a.Item.ChangedAt == b.Item.ChangedAt && a.Item.ThreadId == b.Item.ThreadId && a.Item.AuthorName == b.Item.AuthorName
        && a.Item.Critic?.Stamp == b.Item.Critic?.Stamp && a.Item.Critic?.TextHash == b.Item.Critic?.TextHash;

    private static TableEntity ToEntity(string channelId, OpenComment comment)
    {
        var entity = TableItemStore.ToEntity(channelId, comment.Item);
        entity["CriticLabel"] = comment.Verdict.Label.ToString();
        entity["CriticScore"] = comment.Verdict.Score;
        entity["CriticLanguage"] = comment.Verdict.Language;
        entity["CriticCues"] = string.Join('\n', comment.Verdict.Cues);
        entity["CriticDetector"] = comment.Verdict.Detector;
        return entity;
    }
}
