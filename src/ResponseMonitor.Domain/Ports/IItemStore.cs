using ResponseMonitor.Domain.Conversations;

namespace ResponseMonitor.Domain.Ports;

/// <summary>Posts and comments per channel. Writes are idempotent upserts keyed by the item's id.</summary>
public interface IItemStore
{
    /// <summary>Stores the items, replacing any stored under the same id (ingestion has already dropped older versions).</summary>
    Task UpsertAsync(string channelId, IReadOnlyCollection<ContentItem> items, CancellationToken cancellationToken);

    /// <summary>
    /// When each stored item of <paramref name="itemIds"/> last changed (<see cref="ContentItem.ChangedAt"/>); ids not
    /// stored are absent. Reads only the two times, so that ingestion can compare versions cheaply.
    /// </summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> GetVersionsAsync(string channelId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken);

    /// <summary>The stored items among the given ids, by id; missing ids are left out.</summary>
    Task<IReadOnlyDictionary<string, ContentItem>> GetAsync(string channelId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken);

    /// <summary>The channel's items created at or after the instant.</summary>
    Task<IReadOnlyList<ContentItem>> GetCreatedSinceAsync(string channelId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Removes the items' rows altogether (a deletion the platform's terms ask to honour in full); unknown ids are ignored.</summary>
    Task DeleteAsync(string channelId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken);

    /// <summary>Items created in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    Task<IReadOnlyList<ContentItem>> GetCreatedBetweenAsync(string channelId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
