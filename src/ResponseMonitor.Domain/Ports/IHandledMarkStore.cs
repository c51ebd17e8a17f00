using ResponseMonitor.Domain.Handling;

namespace ResponseMonitor.Domain.Ports;

/// <summary>Handled marks per channel, with every event kept as history.</summary>
public interface IHandledMarkStore
{
    /// <summary>The channel's marks that are not undone, by item id: what analysis and metrics leave out.</summary>
    Task<IReadOnlyDictionary<string, HandledMark>> GetActiveAsync(string channelId, CancellationToken cancellationToken);

    /// <summary>A comment's mark, active or undone; null when it was never marked.</summary>
    Task<HandledMark?> GetAsync(string channelId, string itemId, CancellationToken cancellationToken);

    /// <summary>Writes the mark and its history event together (one transaction).</summary>
    Task SaveAsync(HandledMark mark, HandledEvent history, CancellationToken cancellationToken);

    /// <summary>The comment's handling history, oldest first.</summary>
    Task<IReadOnlyList<HandledEvent>> GetHistoryAsync(string channelId, string itemId, CancellationToken cancellationToken);
}
