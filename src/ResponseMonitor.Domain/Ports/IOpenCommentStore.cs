using ResponseMonitor.Domain.Analysis;

namespace ResponseMonitor.Domain.Ports;

/// <summary>The messages waiting for an answer, per channel: what the dashboard reads, bounded by what is open.</summary>
public interface IOpenCommentStore
{
    /// <summary>The channel's comments waiting for an answer, as of its last analysis.</summary>
    Task<IReadOnlyList<OpenComment>> GetAsync(string channelId, CancellationToken cancellationToken);

    /// <summary>Makes the stored set for the channel equal to <paramref name="open"/>.</summary>
    Task ReplaceAsync(string channelId, IReadOnlyList<OpenComment> previous, IReadOnlyList<OpenComment> open, CancellationToken cancellationToken);
}
