using ResponseMonitor.Domain.Conversations;

namespace ResponseMonitor.Domain.Ports;

/// <summary>Posts and comments per channel. Writes are idempotent upserts keyed by the item's id.</summary>
public interface IItemStore
{
    Task UpsertAsync(string channelId, IReadOnlyCollection<ContentItem> items, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, ContentItem>> GetAsync(string channelId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<ContentItem>> GetCreatedSinceAsync(string channelId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Removes the items' rows altogether (a deletion the platform's terms ask to honour in full); unknown ids are ignored.</summary>
    Task DeleteAsync(string channelId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken);

    /// <summary>Items created in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    Task<IReadOnlyList<ContentItem>> GetCreatedBetweenAsync(string channelId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
