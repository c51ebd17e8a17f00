using Microsoft.Extensions.Logging;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Domain.Privacy;

/// <summary>
/// The rights of one member of the public over what a channel stored about them (GDPR Articles 15 and 17): access
/// (<see cref="ExportAsync"/>) and erasure (<see cref="EraseAsync"/>). An author is known by the platform's author id
/// on one channel. Warnings, their history and deliveries about the author's threads stay for the audit trail, with
/// their message (which quotes the name and the words) replaced and the link dropped.
/// </summary>
public sealed partial class PersonalDataService(
    IPersonalDataStore store,
    IOpenCommentStore open,
    ICriticLabelStore labels,
    IWarningStore warnings,
    IAnalysisQueue analyses,
    TimeProvider time,
    ILogger<PersonalDataService> logger)
{
    /// <summary>What a redacted message says instead.</summary>
    public const string RedactedMessage = "[erased at the author's request]";

    private const int MaxDeliveries = 100_000;

    /// <summary>Everything stored of one author on the channel, for an access request.</summary>
    public async Task<AuthorRecord> ExportAsync(ChannelDefinition channel, string authorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var items = await store.GetItemsByAuthorAsync(channel.Id, authorId, cancellationToken).ConfigureAwait(false);
        var ids = items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var subjects = Subjects(items);
        var openTask = open.GetAsync(channel.Id, cancellationToken);
        var labelTask = labels.ListAsync(channel.Brand, cancellationToken);
        var warningTask = warnings.ListAsync(new WarningQuery { ChannelId = channel.Id, Max = int.MaxValue }, cancellationToken);
        var historyTask = warnings.ListHistoryAsync(new WarningQuery { ChannelId = channel.Id, Max = int.MaxValue }, cancellationToken);
        var deliveryTask = warnings.ListDeliveriesAsync(null, channel.Id, null, MaxDeliveries, cancellationToken);
        await Task.WhenAll(openTask, labelTask, warningTask, historyTask, deliveryTask).ConfigureAwait(false);
        return new AuthorRecord(
            channel.Id,
            authorId,
            items,
            openTask.Result.Where(o => o.Item.AuthorId == authorId).ToList(),
            labelTask.Result.Where(l => l.ChannelId == channel.Id && ids.Contains(l.ItemId)).ToList(),
            warningTask.Result.Where(w => subjects.Contains(w.Subject)).ToList(),
            historyTask.Result.Where(h => subjects.Contains(h.Subject)).ToList(),
            deliveryTask.Result.Where(d => subjects.Contains(d.Warning.Subject)).ToList());
    }

    /// <summary>
    /// Removes the author's items, open copies and labels, redacts the warning rows about their threads, and records
    /// the author as erased so that ingestion drops whatever the platform still serves of them. Idempotent.
    /// </summary>
    public async Task<AuthorErasure> EraseAsync(ChannelDefinition channel, string authorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);

        // First, so that a poll racing the erasure cannot store the author again once their rows are gone.
        await store.RecordErasedAuthorAsync(channel.Id, AuthorKey.Of(channel.Id, authorId), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);

        var items = await store.GetItemsByAuthorAsync(channel.Id, authorId, cancellationToken).ConfigureAwait(false);
        var ids = items.Select(i => i.Id).ToList();
        var idSet = ids.ToHashSet(StringComparer.Ordinal);
        var labelCount = 0;
        foreach (var label in (await labels.ListAsync(channel.Brand, cancellationToken).ConfigureAwait(false)).Where(l => l.ChannelId == channel.Id && idSet.Contains(l.ItemId)))
        {
            labelCount += await labels.DeleteAsync(channel.Brand, channel.Id, label.ItemId, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        var redacted = await store.RedactWarningRowsAsync(channel.Id, Subjects(items), RedactedMessage, cancellationToken).ConfigureAwait(false);
        var openCount = await store.DeleteOpenAsync(channel.Id, ids, cancellationToken).ConfigureAwait(false);
        var itemCount = await store.DeleteItemsAsync(channel.Id, ids, cancellationToken).ConfigureAwait(false);
        if (labelCount > 0)
        {
            // A model trained before now may have learnt from these labels: shown on the brand's model until retrained.
            await store.RecordRetrainRequestAsync(channel.Brand, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        if (itemCount > 0)
        {
            // The channel's figures still count what was erased until it is analysed again; a poll no longer does
            // that by re-storing what did not change, so the erasure asks for it.
            try
            {
                await analyses.EnqueueAsync(channel.Id, "erased", cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogAnalysisNotQueued(logger, channel.Id, ex);
            }
        }

        LogErased(logger, channel.Id, itemCount, openCount, labelCount, redacted.Warnings + redacted.History + redacted.Deliveries);
        return new AuthorErasure(channel.Id, itemCount, openCount, labelCount, redacted, labelCount > 0 ? [channel.Brand] : []);
    }

    /// <summary>The warning subjects that can quote the author: their items and the threads they are in.</summary>
    private static HashSet<string> Subjects(IEnumerable<Conversations.ContentItem> items) =>
        items.SelectMany(i => new[] { i.Id, i.ThreadId }).Where(s => !string.IsNullOrEmpty(s)).ToHashSet(StringComparer.Ordinal);

    // Ids only: names and words of the author never reach a log.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not queue the analysis of channel {ChannelId} after an erasure; its figures catch up at its next refresh")]
    private static partial void LogAnalysisNotQueued(ILogger logger, string channelId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased an author on channel {ChannelId}: {Items} items, {Open} open copies, {Labels} labels deleted; {Redacted} warning rows redacted")]
    private static partial void LogErased(ILogger logger, string channelId, int items, int open, int labels, int redacted);
}
