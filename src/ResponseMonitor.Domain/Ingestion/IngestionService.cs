using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Telemetry;

namespace ResponseMonitor.Domain.Ingestion;

/// <summary>
/// Stores items from any path (poll, push, import) the same way: threads resolved, duplicates collapsed, an older
/// version never written over a newer one, written as idempotent upserts, and the brand's last activity moved forward. Polling and pushing the same
/// comment therefore yield one stored comment. Items of erased authors are dropped on every path, so an erasure
/// holds against the next poll. Public items created before the channel's retention are skipped and reported
/// (<see cref="IngestResult.BeyondRetention"/>) rather than stored for the daily sweep to delete; they still place the
/// newer items of the same batch in their threads.
/// </summary>
public sealed class IngestionService(IItemStore items, IChannelStateStore states, IPersonalDataStore personalData, MonitorMetrics metrics, TimeProvider time)
{
    // Per channel, the latest brand activity this process recorded (null: none yet, but MonitoringSince is set). Both
    // only ever move forward in storage, so a batch that would not move them needs no read and no write.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset?> _recorded = new(StringComparer.Ordinal);

    /// <param name="channel">Whose items these are.</param>
    /// <param name="incoming">The items, in any order, duplicates allowed.</param>
    /// <param name="cancellationToken">Ends the ingestion.</param>
    /// <param name="onlyChanged">
    /// Leave out items stored already exactly as they come (same version, same content): neither written nor counted as
    /// stored, so they queue no analysis. The poller sets it, because platform connectors re-read their look-back
    /// every cycle; it costs one query per 14 items, against a write, an erased-author read and an analysis saved.
    /// </param>
    public async Task<IngestResult> IngestAsync(ChannelDefinition channel, IReadOnlyCollection<ContentItem> incoming, CancellationToken cancellationToken, bool onlyChanged = false)
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

        // The poll path reads the stored items once: to leave out the unchanged ones, and for their versions below.
        IReadOnlyDictionary<string, DateTimeOffset>? versions = null;
        if (onlyChanged)
        {
            (batch, versions) = await DropUnchangedAsync(channel.Id, batch, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return new IngestResult(0, null);
            }
        }

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
        versions ??= await items.GetVersionsAsync(channel.Id, [.. batch.Select(i => i.Id)], cancellationToken).ConfigureAwait(false);
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

        // Past retention: placed threads above, but not stored (the sweep would delete them within a day).
        var retainedFrom = channel.Retention.ItemsFrom(time.GetUtcNow());
        var beyond = resolved.Values.Where(i => i.CreatedAt < retainedFrom && !Privacy.RetentionPolicy.KeepsAlways(channel, i.Kind, i.AuthorId)).Select(i => i.Id).ToList();
        if (beyond.Count > 0)
        {
            foreach (var id in beyond)
            {
                resolved.Remove(id);
            }

            if (resolved.Count == 0)
            {
                return new IngestResult(0, null) { BeyondRetention = beyond, BeyondRetentionReason = IngestResult.RetentionReason(channel, retainedFrom) };
            }
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

        return new IngestResult(resolved.Count, latestBrand)
        {
            BeyondRetention = beyond,
            BeyondRetentionReason = beyond.Count > 0 ? IngestResult.RetentionReason(channel, retainedFrom) : null,
        };

        ContentItem? FindParent(ContentItem item)
        {
            if (item.ParentId is null)
            {
                return null;
            }

            return resolved.TryGetValue(item.ParentId, out var parent) ? parent : stored.GetValueOrDefault(item.ParentId);
        }
    }

    /// <summary>
    /// The batch without the items stored already exactly as they come, and the stored versions of the rest (what
    /// <see cref="IItemStore.GetVersionsAsync"/> would answer: edit time, else creation time), from the same read. The
    /// thread id is the store's to resolve, and the critic verdict kept with the item is not the platform's, so neither is compared; everything the platform sent is (version, text,
    /// author, parent, link).
    /// </summary>
    private async Task<(List<ContentItem> Changed, IReadOnlyDictionary<string, DateTimeOffset> Versions)> DropUnchangedAsync(string channelId, List<ContentItem> batch, CancellationToken cancellationToken)
    {
        var stored = await items.GetAsync(channelId, batch.Select(i => i.Id).ToList(), cancellationToken).ConfigureAwait(false);
        var changed = batch.Where(i => !(stored.TryGetValue(i.Id, out var existing) && existing with { Critic = null } == i with { ThreadId = existing.ThreadId, Critic = null })).ToList();
        return (changed, stored.ToDictionary(s => s.Key, s => s.Value.ChangedAt, StringComparer.Ordinal));
    }
}
