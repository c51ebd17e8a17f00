using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Domain.Ingestion;

/// <summary>
/// Applies what a platform says of items stored earlier (deleted, hidden, shown again), from any path: a webhook event,
/// a tombstone in a re-read thread. A deleted item keeps only its place and times (<see cref="ItemRules.Redact"/>), or
/// loses its whole row where its platform declares that its terms require it (<see cref="IDeletionPolicy"/>); a
/// deleted or hidden comment leaves the waiting list at once, and the next analysis counts it apart
/// (docs/METRICS.md, "Exclusions"). Ids never stored are ignored: there is nothing of them to remove.
/// </summary>
public sealed class ItemStateService(IItemStore items, IOpenCommentStore open, IDeletionPolicy deletions)
{
    /// <returns>How many stored items changed.</returns>
    public async Task<int> ApplyAsync(ChannelDefinition channel, IReadOnlyCollection<ItemStateChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return 0;
        }

        var latest = changes.GroupBy(c => c.Id, StringComparer.Ordinal).Select(g => g.MaxBy(c => c.At)!).ToList();
        var stored = await items.GetAsync(channel.Id, [.. latest.Select(c => c.Id)], cancellationToken).ConfigureAwait(false);
        var purges = deletions.PurgesDeleted(channel.Kind);
        var purge = new List<string>();
        var write = new List<ContentItem>();
        foreach (var change in latest)
        {
            if (!stored.TryGetValue(change.Id, out var item) || (item.State == change.State && change.State != ItemState.Deleted))
            {
                continue;
            }

            if (change.State == ItemState.Deleted && purges)
            {
                purge.Add(change.Id);
                continue;
            }

            if (change.State == ItemState.Deleted && item.State == ItemState.Deleted && item.AuthorId == ItemRules.DeletedAuthor && item.Text.Length == 0)
            {
                continue;
            }

            // The change is the newest version: it must win over any waiting copy of the comment.
            var at = change.At > item.ChangedAt ? change.At : item.ChangedAt.AddTicks(1);
            var changed = item with { State = change.State, EditedAt = at };
            write.Add(change.State == ItemState.Deleted ? ItemRules.Redact(changed) : changed);
        }

        if (write.Count > 0)
        {
            await items.UpsertAsync(channel.Id, write, cancellationToken).ConfigureAwait(false);
        }

        if (purge.Count > 0)
        {
            await items.DeleteAsync(channel.Id, purge, cancellationToken).ConfigureAwait(false);
        }

        var gone = purge.Concat(write.Where(i => i.State != ItemState.Visible).Select(i => i.Id)).ToHashSet(StringComparer.Ordinal);
        await ForgetOpenAsync(channel.Id, gone, cancellationToken).ConfigureAwait(false);
        return purge.Count + write.Count;
    }

    /// <summary>Takes deleted or hidden items off the waiting list now, with their text, instead of at the next analysis.</summary>
    public async Task ForgetOpenAsync(string channelId, IReadOnlySet<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        var waiting = await open.GetAsync(channelId, cancellationToken).ConfigureAwait(false);
        if (waiting.Any(o => ids.Contains(o.Item.Id)))
        {
            IReadOnlyList<OpenComment> kept = [.. waiting.Where(o => !ids.Contains(o.Item.Id))];
            await open.ReplaceAsync(channelId, waiting, kept, cancellationToken).ConfigureAwait(false);
        }
    }
}
