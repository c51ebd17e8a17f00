using ResponseMonitor.Domain.Critics.Verdicts;

namespace ResponseMonitor.Domain.Ports;

/// <summary>
/// Keeps critic verdicts with the stored items (<see cref="Conversations.ContentItem.Critic"/>), so that no process
/// judges a comment twice. A verdict is written only onto the version of the item it judged, never onto a newer one,
/// never over a verdict judged later, and never brings back an item that is gone; writing the same verdict twice is a no-op.
/// </summary>
public interface IItemVerdictStore
{
    /// <summary>Keeps each verdict with its item where the rules above allow; returns how many were written.</summary>
    Task<int> SaveAsync(string channelId, IReadOnlyCollection<ItemVerdict> verdicts, CancellationToken cancellationToken);
}
