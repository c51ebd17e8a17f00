using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Privacy;

namespace ResponseMonitor.Domain.Ports;

/// <summary>
/// What retention and the rights of one author need of storage beyond the everyday stores: finding and deleting by
/// author or age, redacting warning rows, the list of erased authors and when each channel was last swept.
/// Every delete is idempotent: deleting what is already gone counts zero and fails nothing.
/// </summary>
public interface IPersonalDataStore
{
    /// <summary>Every stored item of one author on the channel.</summary>
    Task<IReadOnlyList<ContentItem>> GetItemsByAuthorAsync(string channelId, string authorId, CancellationToken cancellationToken);

    /// <summary>The channel's items created before <paramref name="cutoff"/>: id, author and kind only.</summary>
    Task<IReadOnlyList<ExpiredItem>> GetItemsCreatedBeforeAsync(string channelId, DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Deletes the given items of the channel; returns how many rows were deleted.</summary>
    Task<int> DeleteItemsAsync(string channelId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken);

    /// <summary>Deletes the open copies of these items; how many there were.</summary>
    Task<int> DeleteOpenAsync(string channelId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken);

    /// <summary>Deletes history before <paramref name="cutoff"/>, resolved warnings last changed before it, and done deliveries created before <paramref name="deliveryCutoff"/>.</summary>
    Task<WarningRowCounts> DeleteWarningRowsBeforeAsync(string channelId, DateTimeOffset cutoff, DateTimeOffset deliveryCutoff, CancellationToken cancellationToken);

    /// <summary>Replaces the message and drops the link of every warning, history and delivery row about these subjects.</summary>
    Task<WarningRowCounts> RedactWarningRowsAsync(string channelId, IReadOnlySet<string> subjects, string replacement, CancellationToken cancellationToken);

    /// <summary>Remembers that an author's data was erased (by <see cref="Privacy.AuthorKey"/>, never the id), so that a later poll does not store it again.</summary>
    Task RecordErasedAuthorAsync(string channelId, string authorKey, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The <see cref="AuthorKey"/>s of the channel's erased authors.</summary>
    Task<IReadOnlySet<string>> GetErasedAuthorsAsync(string channelId, CancellationToken cancellationToken);

    /// <summary>When each channel was last swept, in one read.</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> GetLastSweepsAsync(CancellationToken cancellationToken);

    /// <summary>Records when the channel's retention sweep last completed.</summary>
    Task RecordSweepAsync(string channelId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Marks the brand's critic model as trained on labels that were since erased.</summary>
    Task RecordRetrainRequestAsync(string brand, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>When the last erasure asked for the brand's model to be retrained; null if never.</summary>
    Task<DateTimeOffset?> GetRetrainRequestAsync(string brand, CancellationToken cancellationToken);
}
