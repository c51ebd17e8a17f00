using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Domain.Polling;

/// <summary>
/// Stored replies that a complete re-read of their thread no longer holds: the platform deleted them (or their author
/// did), and some platforms leave no tombstone. Conservative: a reply counts only when its parent chain, through
/// stored items, reaches the re-read root, and when it is older than <see cref="Settle"/> at the read, since a platform
/// may list a reply in a notification a moment before its thread view shows it.
/// </summary>
internal static class MissingReplies
{
    /// <summary>How old a reply must be at the read before its absence counts.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(10);

    /// <summary>Bounds the walk up a parent chain, whatever the stored data.</summary>
    private const int MaxDepth = 10_000;

    public static IReadOnlyList<ItemStateChange> Find(IReadOnlyCollection<ContentItem> stored, IReadOnlyCollection<ThreadReread> rereads)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(rereads);
        if (rereads.Count == 0 || stored.Count == 0)
        {
            return [];
        }

        var byId = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        foreach (var item in stored)
        {
            byId[item.Id] = item;
        }

        var byRoot = rereads.GroupBy(r => r.RootId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(r => r.ReadAt)!, StringComparer.Ordinal);
        var changes = new List<ItemStateChange>();
        foreach (var item in stored)
        {
            if (item.ParentId is null || item.State == ItemState.Deleted || byRoot.ContainsKey(item.Id) || RootOf(item, byId, byRoot) is not { } reread)
            {
                continue;
            }

            if (!reread.Present.Contains(item.Id) && item.CreatedAt <= reread.ReadAt - Settle)
            {
                changes.Add(new ItemStateChange(item.Id, ItemState.Deleted, reread.ReadAt));
            }
        }

        return changes;
    }

    private static ThreadReread? RootOf(ContentItem item, Dictionary<string, ContentItem> byId, Dictionary<string, ThreadReread> byRoot)
    {
        var current = item;
        for (var depth = 0; depth < MaxDepth && current.ParentId is { } parent; depth++)
        {
            if (byRoot.TryGetValue(parent, out var reread))
            {
                return reread;
            }

            if (!byId.TryGetValue(parent, out var next))
            {
                return null;
            }

            current = next;
        }

        return null;
    }
}
