using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Telemetry;

namespace ResponseMonitor.Domain.Ingestion;

/// <summary>
/// Stores items from any path (poll, push, import) the same way: threads resolved, duplicates collapsed, an older
/// version never written over a newer one, written as idempotent upserts, and the brand's last activity moved forward. Polling and pushing the same
/// comment therefore yield one stored comment. Items of erased authors are dropped on every path, so an erasure
/// holds against the next poll. (Items older than the channel keeps are stored and go with the next daily sweep: a
/// new comment may still need its old parent to find its thread.)
/// </summary>
public sealed class IngestionService(IItemStore items, IChannelStateStore states, IPersonalDataStore personalData, MonitorMetrics metrics, TimeProvider time)
{
    // Per channel, the latest brand activity this process recorded (null: none yet, but MonitoringSince is set). Both
    // only ever move forward in storage, so a batch that would not move them needs no read and no write.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset?> _recorded = new(StringComparer.Ordinal);

    public async Task<IngestResult> IngestAsync(ChannelDefinition channel, IReadOnlyCollection<ContentItem> incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(incoming);
        if (incoming.Count == 0)
        {
            return new IngestResult(0, null);
        }

        // The latest version of each id wins; parents before children so threads resolve within the batch.
        // Every way in (poll, push, import) is cut to what storage holds here, so no path can write a partial batch.
        var batch = incoming
            .Select(ItemRules.Fit)
            .GroupBy(i => i.Id, StringComparer.Ordinal)
            .Select(g => g.MaxBy(i => i.ChangedAt)!)
            .OrderBy(i => i.CreatedAt)
            .ThenBy(i => i.ParentId is null ? 0 : 1)
            .ToList();

        // Read only when something is to be stored, so a quiet channel costs nothing here.
        var erased = await personalData.GetErasedAuthorsAsync(channel.Id, cancellationToken).ConfigureAwait(false);
        batch.RemoveAll(i => erased.Count > 0 && erased.Contains(Privacy.AuthorKey.Of(channel.Id, i.AuthorId)));
        if (batch.Count == 0)
        {
            return new IngestResult(0, null);
        }

        // Never let an older version replace a newer one, whichever path brings it (a replayed push, an old export, a
        // feed serving a stale copy): an item whose edit time, else creation time, is before the stored one's is
        // dropped. The same version again is written again, so every path stays idempotent.
        var versions = await items.GetVersionsAsync(channel.Id, [.. batch.Select(i => i.Id)], cancellationToken).ConfigureAwait(false);
        batch.RemoveAll(i => versions.TryGetValue(i.Id, out var stored) && i.ChangedAt < stored);
        if (batch.Count == 0)
        {
            return new IngestResult(0, null);
        }

        var inBatch = batch.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var missingParents = batch
            .Where(i => i.ParentId is not null && !inBatch.ContainsKey(i.ParentId))
            .Select(i => i.ParentId!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var stored = missingParents.Count == 0
            ? new Dictionary<string, ContentItem>()
            : await items.GetAsync(channel.Id, missingParents, cancellationToken).ConfigureAwait(false);

        var resolved = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        foreach (var item in batch)
        {
            resolved[item.Id] = item with { ThreadId = ThreadResolver.Resolve(item, FindParent(item), channel) };
        }

        // A parent that arrived after its child in the same batch still resolves through a second pass.
        foreach (var item in batch.Where(i => i.ParentId is not null && resolved.ContainsKey(i.ParentId)))
        {
            resolved[item.Id] = resolved[item.Id] with { ThreadId = ThreadResolver.Resolve(item, resolved[item.ParentId!], channel) };
        }

        await items.UpsertAsync(channel.Id, resolved.Values, cancellationToken).ConfigureAwait(false);
        metrics.Ingested(channel.Id, resolved.Count);

        var latestBrand = resolved.Values.Where(i => channel.IsBrandAuthor(i.AuthorId)).Select(i => (DateTimeOffset?)i.CreatedAt).Max();
        var known = _recorded.TryGetValue(channel.Id, out var recorded);
        var moves = latestBrand is { } at && (recorded is null || at > recorded);
        if (!known || moves)
        {
            await states.RecordActivityAsync(channel.Id, latestBrand, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            _recorded[channel.Id] = moves ? latestBrand : recorded;
        }

        return new IngestResult(resolved.Count, latestBrand);

        ContentItem? FindParent(ContentItem item)
        {
            if (item.ParentId is null)
            {
                return null;
            }

            return resolved.TryGetValue(item.ParentId, out var parent) ? parent : stored.GetValueOrDefault(item.ParentId);
        }
    }
}
