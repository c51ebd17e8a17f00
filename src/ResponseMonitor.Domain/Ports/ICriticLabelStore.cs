using ResponseMonitor.Domain.Critics.Learning;

namespace ResponseMonitor.Domain.Ports;

/// <summary>The labels community managers give comments, per brand; a later label of the same comment replaces the earlier.</summary>
public interface ICriticLabelStore
{
    /// <summary>Stores labels; a comment's later label replaces its earlier one.</summary>
    Task SaveAsync(IReadOnlyList<CommentLabel> labels, CancellationToken cancellationToken);

    /// <summary>Every label of the brand, newest first.</summary>
    Task<IReadOnlyList<CommentLabel>> ListAsync(string brand, CancellationToken cancellationToken);

    /// <summary>Removes one label; false when there was none.</summary>
    Task<bool> DeleteAsync(string brand, string channelId, string itemId, CancellationToken cancellationToken);
}
