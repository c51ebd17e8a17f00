using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ingestion;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Telemetry;

namespace ResponseMonitor.Domain.Polling;

/// <summary>
/// One poll cycle (the PollChannels function): every enabled channel is read from its cursor, page by page; each page
/// is stored before the cursor moves past it. A failing channel is logged and recorded and the others go on.
/// Channels that changed, or whose analysis is older than the refresh interval, are queued for analysis.
/// <see cref="PollBatchAsync"/> polls one message's batch (the PollChannel function), claiming its channels first so
/// that no two instances poll a channel at once; <see cref="PollAllAsync"/> polls every channel in this process.
/// </summary>
public sealed partial class ChannelPoller(
    IChannelCatalog catalog,
    IEnumerable<IChannelConnector> connectors,
    IngestionService ingestion,
    ItemStateService itemStates,
    IItemStore items,
    IChannelStateStore states,
    ISnapshotStore snapshots,
    IAnalysisQueue queue,
    IPollQueue pollQueue,
    IOptions<PollingOptions> options,
    MonitorMetrics metrics,
    TimeProvider time,
    ILogger<ChannelPoller> logger)
{
    private readonly Dictionary<string, IChannelConnector> _connectors = connectors.ToDictionary(c => c.Kind, StringComparer.OrdinalIgnoreCase);

    /// <summary>This poller's name in claims: unique per process and per app in it.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Polls every enabled channel once, in this process.</summary>
    public async Task<PollSummary> PollAllAsync(CancellationToken cancellationToken)
    {
        var channels = catalog.All.Where(c => c.Enabled).ToList();
        var stateById = (await states.GetAllAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.ChannelId, StringComparer.Ordinal);
        var outcomes = new PollOutcome[channels.Count];
        var startedAt = time.GetUtcNow();
        await Parallel.ForAsync(0, channels.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var state = stateById.GetValueOrDefault(channels[i].Id);
            if (state?.PausedUntil > startedAt)
            {
                // The platform asked this channel to wait; the others go on.
                LogPaused(logger, channels[i].Id, state.PausedUntil.Value);
                outcomes[i] = new PollOutcome(channels[i].Id, true, 0, 0, null);
                return;
            }

            outcomes[i] = await PollChannelAsync(channels[i], state?.Cursor, ct, state).ConfigureAwait(false);
        }).ConfigureAwait(false);

        var analysedAt = await ReadAnalysisTimesAsync(snapshots, logger, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var requested = await RequestAnalysesAsync(outcomes, id => !analysedAt.TryGetValue(id, out var last) || now - last >= options.Value.RefreshInterval, cancellationToken).ConfigureAwait(false);
        return new PollSummary(outcomes, requested);
    }

    /// <summary>
    /// Polls one poll message's channels. Their states are read in one query; a channel polled since the batch was
    /// scheduled (a duplicate or late message), or paused since, is left alone. The rest are claimed in one
    /// transaction, so another instance holding a message for the same channel leaves it alone until the claim ends;
    /// channels another poller holds go back on the queue until its claim lapses, so a dead poller's channels are
    /// polled by another. Each page is stored before the cursor moves past it, as in <see cref="PollAllAsync"/>.
    /// </summary>
    public async Task<PollSummary> PollBatchAsync(PollBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var byId = new Dictionary<string, ChannelDefinition>(StringComparer.Ordinal);
        foreach (var id in batch.ChannelIds)
        {
            if (catalog.Find(id) is { Enabled: true } channel)
            {
                byId[id] = channel;
            }
            else
            {
                LogUnknownChannel(logger, id);
            }
        }

        var claimed = new List<ChannelState>();
        var busy = new List<ChannelState>();
        var toClaim = byId.Keys.ToList();
        for (var attempt = 0; toClaim.Count > 0 && attempt < 3; attempt++)
        {
            var now = time.GetUtcNow();
            var read = (await states.GetManyAsync(toClaim, cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.ChannelId, StringComparer.Ordinal);
            var candidates = new List<ChannelState>();
            foreach (var id in toClaim)
            {
                var state = read.GetValueOrDefault(id) ?? new ChannelState { ChannelId = id };
                if (state.LastPolledAt > batch.ScheduledAt || state.PausedUntil > now)
                {
                    // Polled after this cycle was scheduled (a duplicate or late message), or paused since.
                    continue;
                }

                if (state.IsClaimedByAnother(Owner, now))
                {
                    busy.Add(state);
                    continue;
                }

                candidates.Add(state);
            }

            var won = candidates.Count == 0 ? [] : await states.ClaimAsync(candidates, Owner, now + options.Value.ClaimDuration, cancellationToken).ConfigureAwait(false);
            claimed.AddRange(won);

            // A channel that changed between the read and the claim (a webhook's brand activity, another poller's
            // claim) is read and judged again.
            var wonIds = won.Select(s => s.ChannelId).ToHashSet(StringComparer.Ordinal);
            toClaim = candidates.Where(c => !wonIds.Contains(c.ChannelId)).Select(c => c.ChannelId).ToList();
        }

        await RequeueAsync(batch, busy, toClaim, cancellationToken).ConfigureAwait(false);

        var outcomes = new PollOutcome[claimed.Count];
        await Parallel.ForAsync(0, claimed.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var state = claimed[i];
            outcomes[i] = await PollChannelAsync(byId[state.ChannelId], state.Cursor, ct, state, Owner).ConfigureAwait(false);
        }).ConfigureAwait(false);

        var refresh = batch.Refresh.ToHashSet(StringComparer.Ordinal);
        var requested = await RequestAnalysesAsync(outcomes, refresh.Contains, cancellationToken).ConfigureAwait(false);
        return new PollSummary(outcomes, requested);
    }

    /// <summary>Puts back what another poller holds (visible again when its claim lapses) and what could not be claimed.</summary>
    private async Task RequeueAsync(PollBatch batch, List<ChannelState> busy, List<string> unclaimed, CancellationToken cancellationToken)
    {
        if (busy.Count == 0 && unclaimed.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var ids = busy.Select(s => s.ChannelId).Concat(unclaimed).ToList();
        var lapse = busy.Select(s => s.ClaimedUntil ?? now).DefaultIfEmpty(now).Max();
        var delay = lapse - now + TimeSpan.FromSeconds(1);
        var set = ids.ToHashSet(StringComparer.Ordinal);
        LogRequeued(logger, ids.Count, delay);
        await pollQueue.EnqueueAsync(batch with { ChannelIds = ids, Refresh = batch.Refresh.Where(set.Contains).ToList() }, delay, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues the analysis of every channel that stored something, or whose analysis is stale.</summary>
    private async Task<List<string>> RequestAnalysesAsync(IReadOnlyList<PollOutcome> outcomes, Func<string, bool> stale, CancellationToken cancellationToken)
    {
        var requested = new List<string>();
        foreach (var outcome in outcomes)
        {
            if (outcome.ItemsStored > 0 || stale(outcome.ChannelId))
            {
                try
                {
                    await queue.EnqueueAsync(outcome.ChannelId, outcome.ItemsStored > 0 ? "changed" : "refresh", cancellationToken).ConfigureAwait(false);
                    requested.Add(outcome.ChannelId);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogEnqueueFailed(logger, outcome.ChannelId, ex);
                }
            }
        }

        return requested;
    }

    /// <param name="channel">The channel to read.</param>
    /// <param name="cursor">Where to start.</param>
    /// <param name="cancellationToken">Ends the poll.</param>
    /// <param name="known">The channel's state as read at the start of the cycle, so a quiet poll writes without reading.</param>
    /// <param name="claimOwner">The poller whose claim on the channel this poll runs under; its last write releases it.</param>
    public async Task<PollOutcome> PollChannelAsync(ChannelDefinition channel, string? cursor, CancellationToken cancellationToken, ChannelState? known = null, string? claimOwner = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var credential = new StrongBox<CredentialLifetime?>();
        var outcome = await ReadChannelAsync(channel, cursor, known, claimOwner, credential, cancellationToken).ConfigureAwait(false);

        // What the platform said of the credential while it was read (its end, a refreshed session), in either outcome:
        // the pages carry it (ConnectorPage.Credential), and a read that fails still yields the page with its news.
        if (credential.Value is { } lifetime)
        {
            try
            {
                await states.RecordCredentialAsync(channel.Id, lifetime, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogStateUnavailable(logger, channel.Id, ex);
            }
        }

        return outcome;
    }

    // credential receives the latest credential news the read's pages carried.
    private async Task<PollOutcome> ReadChannelAsync(ChannelDefinition channel, string? cursor, ChannelState? known, string? claimOwner, StrongBox<CredentialLifetime?> credential, CancellationToken cancellationToken)
    {
        if (!_connectors.TryGetValue(channel.Kind, out var connector))
        {
            const string unknown = "No connector for this channel kind.";
            LogPollFailed(logger, channel.Id, unknown, null);
            await TryRecordFailureAsync(channel.Id, unknown, cancellationToken).ConfigureAwait(false);
            return new PollOutcome(channel.Id, false, 0, 0, unknown);
        }

        var stored = 0;
        var beyond = 0;
        var pages = 0;
        var wrote = false;
        string? pendingCursor = null;
        var pending = false;
        var rereads = new List<ThreadReread>();
        try
        {
            await foreach (var page in connector.ReadAsync(channel, cursor, cancellationToken).ConfigureAwait(false))
            {
                credential.Value = page.Credential ?? credential.Value;

                // Every connector's items meet the rules a push and an import meet; what cannot be stored is passed.
                var now = time.GetUtcNow();
                var storable = page.Items.Where(i => Refusal(i, now) is null).ToList();

                // What the connector sends again unchanged (a platform's look-back) is neither stored nor counted.
                var result = await ingestion.IngestAsync(channel, storable, cancellationToken, onlyChanged: true).ConfigureAwait(false);
                stored += result.Stored;

                // Deleted and hidden items: those the page names leave storage or the waiting list now, with their text.
                var changed = await itemStates.ApplyAsync(channel, page.StateChanges, cancellationToken).ConfigureAwait(false);
                await itemStates.ForgetOpenAsync(channel.Id, page.Items.Where(i => i.State != Conversations.ItemState.Visible).Select(i => i.Id).ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
                stored += changed;
                pages++;
                if (page.Reread is { } reread)
                {
                    rereads.Add(reread);
                }

                if (result.BeyondRetention.Count > 0)
                {
                    beyond += result.BeyondRetention.Count;
                    LogBeyondRetention(logger, channel.Id, result.BeyondRetention.Count, result.BeyondRetentionReason);
                }

                foreach (var skipped in page.Skipped.Concat(page.Items.Select(i => Refusal(i, now) is { } why ? $"item '{Text.ErrorText.Quote(i.Id)}': {why}" : null).OfType<string>()))
                {
                    LogSkipped(logger, channel.Id, skipped);
                }

                foreach (var notice in page.Notices)
                {
                    LogNotice(logger, channel.Id, notice);
                }

                if (result.Stored == 0 && changed == 0)
                {
                    // Nothing new to make durable (an empty page, or one whose items are all stored already): the
                    // cursor may wait for the next write, so a quiet poll writes once.
                    pendingCursor = page.CursorAfterPage ?? pendingCursor;
                    pending = true;
                    continue;
                }

                // Only now is the page durable, so only now may the cursor pass it. A claimed poll keeps its claim
                // until its last write.
                if (!await states.RecordPollSuccessAsync(channel.Id, page.CursorAfterPage ?? pendingCursor, time.GetUtcNow(), cancellationToken, null, claimOwner, releaseClaim: claimOwner is null).ConfigureAwait(false))
                {
                    return Superseded(channel.Id, stored, pages);
                }

                (pendingCursor, pending, wrote) = (null, false, true);
            }

            // Replies a complete re-read of their thread no longer holds are deleted: one read of storage per poll.
            if (rereads.Count > 0)
            {
                var missing = MissingReplies.Find(await items.GetCreatedSinceAsync(channel.Id, rereads.Min(r => r.RootCreatedAt), cancellationToken).ConfigureAwait(false), rereads);
                var deleted = await itemStates.ApplyAsync(channel, missing, cancellationToken).ConfigureAwait(false);
                if (deleted > 0)
                {
                    LogMissingReplies(logger, channel.Id, deleted);
                    stored += deleted;
                    pending = true;
                }
            }

            if (pending || !wrote || claimOwner is not null)
            {
                // The state read at the start of the cycle still holds unless this poll stored something.
                if (!await states.RecordPollSuccessAsync(channel.Id, pendingCursor, time.GetUtcNow(), cancellationToken, wrote || stored > 0 ? null : known, claimOwner).ConfigureAwait(false))
                {
                    return Superseded(channel.Id, stored, pages);
                }
            }

            LogPolled(logger, channel.Id, stored, pages);
            return new PollOutcome(channel.Id, true, stored, pages, null) { BeyondRetention = beyond };
        }
        catch (CredentialRejectedException ex)
        {
            // Reported once; retrying every cycle would only hammer the platform with a dead token.
            var until = time.GetUtcNow() + options.Value.CredentialRetryInterval;
            LogCredentialRejected(logger, channel.Id, ex.Message, until);
            await TryRecordFailureAsync(channel.Id, ex.Message, cancellationToken, until, credentialsRejected: true).ConfigureAwait(false);
            return new PollOutcome(channel.Id, false, stored, pages, ex.Message);
        }
        catch (RateLimitedException ex)
        {
            LogPollFailed(logger, channel.Id, ex.Message, null);
            await TryRecordFailureAsync(channel.Id, ex.Message, cancellationToken, ex.RetryAt).ConfigureAwait(false);
            return new PollOutcome(channel.Id, false, stored, pages, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = ex is ConnectorException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            LogPollFailed(logger, channel.Id, error, ex);
            await TryRecordFailureAsync(channel.Id, error, cancellationToken).ConfigureAwait(false);
            return new PollOutcome(channel.Id, false, stored, pages, error);
        }
    }

    /// <summary>Another poller took the channel over (this one's claim lapsed): its cursor stands, this one's is dropped.</summary>
    private PollOutcome Superseded(string channelId, int stored, int pages)
    {
        LogSuperseded(logger, channelId);
        return new PollOutcome(channelId, true, stored, pages, null);
    }

    private static string? Refusal(Conversations.ContentItem item, DateTimeOffset now) =>
        Conversations.ItemRules.CheckIds(item.Id, item.ParentId, item.AuthorId) ?? Conversations.ItemRules.CheckTimes(item.CreatedAt, item.EditedAt, now);

    /// <summary>When each channel was last analysed, from the snapshots (one query for all).</summary>
    internal static async Task<Dictionary<string, DateTimeOffset>> ReadAnalysisTimesAsync(ISnapshotStore snapshots, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return (await snapshots.GetAllAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.ChannelId, s => s.AnalyzedAt, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Without the times every channel counts as stale: analysing too often is better than never.
            LogSnapshotsUnavailable(logger, ex);
            return [];
        }
    }

    private async Task TryRecordFailureAsync(string channelId, string error, CancellationToken cancellationToken, DateTimeOffset? pausedUntil = null, bool credentialsRejected = false)
    {
        metrics.PollFailed(channelId);
        try
        {
            await states.RecordPollFailureAsync(channelId, error, time.GetUtcNow(), cancellationToken, pausedUntil, credentialsRejected).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStateUnavailable(logger, channelId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {ChannelId}: {Count} stored replies are no longer in their re-read threads and are marked deleted")]
    private static partial void LogMissingReplies(ILogger logger, string channelId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polled channel {ChannelId}: {Items} items in {Pages} pages stored")]
    private static partial void LogPolled(ILogger logger, string channelId, int items, int pages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {ChannelId} sent an item that can never be stored; it is skipped and the cursor moves on: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string channelId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {ChannelId}: {Count} items skipped, {Reason}")]
    private static partial void LogBeyondRetention(ILogger logger, string channelId, int count, string? reason);
    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {ChannelId} may miss messages: {Notice}")]
    private static partial void LogNotice(ILogger logger, string channelId, string notice);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll of channel {ChannelId} failed, cursor kept: {Error}")]
    private static partial void LogPollFailed(ILogger logger, string channelId, string error, Exception? exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Channel {ChannelId} needs its token renewed: {Reason}. Not polled again before {Until}")]
    private static partial void LogCredentialRejected(ILogger logger, string channelId, string reason, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {ChannelId} is paused by its platform until {Until}")]
    private static partial void LogPaused(ILogger logger, string channelId, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the poll failure of channel {ChannelId}")]
    private static partial void LogStateUnavailable(ILogger logger, string channelId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not queue analysis of channel {ChannelId}; the next cycle retries")]
    private static partial void LogEnqueueFailed(ILogger logger, string channelId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {ChannelId} was taken over by another poller while this one read it; its cursor stands")]
    private static partial void LogSuperseded(ILogger logger, string channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll message names channel {ChannelId}, which is not an enabled channel; skipped")]
    private static partial void LogUnknownChannel(ILogger logger, string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channels} channels held by another poller go back on the poll queue for {Delay}")]
    private static partial void LogRequeued(ILogger logger, int channels, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read analysis times; every channel is queued for analysis")]
    internal static partial void LogSnapshotsUnavailable(ILogger logger, Exception exception);
}
