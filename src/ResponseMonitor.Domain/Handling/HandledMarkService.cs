using Microsoft.Extensions.Logging;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Critics.Learning;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Domain.Handling;

/// <summary>
/// Marks and unmarks comments as handled. The waiting list changes at once (the comment leaves it, or comes back), and
/// the channel is queued for analysis, which moves the warnings: a handled critic no longer raises critic-ignored.
/// </summary>
public sealed partial class HandledMarkService(
    IItemStore items,
    IHandledMarkStore marks,
    IOpenCommentStore open,
    IAnalysisQueue queue,
    CriticModelService criticModels,
    TimeProvider time,
    ILogger<HandledMarkService> logger)
{
    /// <summary>Marks a comment of the channel handled, or changes its reason; refuses unknown or non-public items.</summary>
    public async Task<HandledMarkResult> MarkAsync(ChannelDefinition channel, string itemId, HandledReason reason, string by, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var stored = await items.GetAsync(channel.Id, [itemId], cancellationToken).ConfigureAwait(false);
        if (!stored.TryGetValue(itemId, out var item))
        {
            return new HandledMarkResult(HandledMarkOutcome.UnknownItem, null);
        }

        if (channel.IsBrandAuthor(item.AuthorId))
        {
            return new HandledMarkResult(HandledMarkOutcome.BrandItem, null);
        }

        var existing = await marks.GetAsync(channel.Id, itemId, cancellationToken).ConfigureAwait(false);
        if (existing is { IsActive: true } && existing.Reason == reason)
        {
            return new HandledMarkResult(HandledMarkOutcome.Unchanged, existing);
        }

        var now = time.GetUtcNow();
        var waiting = await open.GetAsync(channel.Id, cancellationToken).ConfigureAwait(false);
        var onList = waiting.Where(o => string.Equals(o.Item.Id, itemId, StringComparison.Ordinal)).ToList();
        var changed = existing is { IsActive: true };
        var mark = new HandledMark
        {
            ChannelId = channel.Id,
            ItemId = itemId,
            Reason = reason,
            MarkedBy = by,
            Note = note,
            MarkedAt = now,
            WasWaiting = onList.Count > 0 || (changed && existing!.WasWaiting),
        };
        await marks.SaveAsync(mark, new HandledEvent(channel.Id, itemId, changed ? HandledEvent.Changed : HandledEvent.Marked, reason, by, note, now), cancellationToken).ConfigureAwait(false);
        if (onList.Count > 0)
        {
            await open.ReplaceAsync(channel.Id, onList, [], cancellationToken).ConfigureAwait(false);
        }

        await queue.EnqueueAsync(channel.Id, "handled", cancellationToken).ConfigureAwait(false);
        LogMarked(logger, channel.Id, itemId, HandledReasons.Name(reason));
        return new HandledMarkResult(changed ? HandledMarkOutcome.Changed : HandledMarkOutcome.Created, mark);
    }

    /// <summary>Undoes a mark; null when the comment was never marked. Undoing an undone mark changes nothing.</summary>
    public async Task<HandledMark?> UnmarkAsync(ChannelDefinition channel, string itemId, string? by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var existing = await marks.GetAsync(channel.Id, itemId, cancellationToken).ConfigureAwait(false);
        if (existing is not { IsActive: true })
        {
            return existing;
        }

        var now = time.GetUtcNow();
        var undone = existing with { UndoneAt = now, UndoneBy = by };
        await marks.SaveAsync(undone, new HandledEvent(channel.Id, itemId, HandledEvent.Unmarked, existing.Reason, by, null, now), cancellationToken).ConfigureAwait(false);

        // Back on the waiting list at once; the analysis queued next decides whether it still waits (an answer may have
        // come meanwhile), and reads it from there even when it is older than the analysis window.
        var stored = await items.GetAsync(channel.Id, [itemId], cancellationToken).ConfigureAwait(false);
        if (existing.WasWaiting && stored.TryGetValue(itemId, out var item))
        {
            var critics = await criticModels.ForAsync(channel.Brand, cancellationToken).ConfigureAwait(false);
            await open.ReplaceAsync(channel.Id, [], [new OpenComment(item, critics.Classify(item.Text, channel.Language))], cancellationToken).ConfigureAwait(false);
        }

        await queue.EnqueueAsync(channel.Id, "handled", cancellationToken).ConfigureAwait(false);
        LogUnmarked(logger, channel.Id, itemId);
        return undone;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {ItemId} of channel {ChannelId} marked handled: {Reason}")]
    private static partial void LogMarked(ILogger logger, string channelId, string itemId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {ItemId} of channel {ChannelId} no longer marked handled")]
    private static partial void LogUnmarked(ILogger logger, string channelId, string itemId);
}
