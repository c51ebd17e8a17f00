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
/// </summary>
public sealed partial class ChannelPoller(
    IChannelCatalog catalog,
    IEnumerable<IChannelConnector> connectors,
    IngestionService ingestion,
    IChannelStateStore states,
    ISnapshotStore snapshots,
    IAnalysisQueue queue,
    CredentialReports credentials,
    IOptions<PollingOptions> options,
    MonitorMetrics metrics,
    TimeProvider time,
    ILogger<ChannelPoller> logger)
{
    private readonly Dictionary<string, IChannelConnector> _connectors = connectors.ToDictionary(c => c.Kind, StringComparer.OrdinalIgnoreCase);

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

        var requested = new List<string>();
        var analysedAt = await GetAnalysisTimesAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        foreach (var outcome in outcomes)
        {
            var stale = !analysedAt.TryGetValue(outcome.ChannelId, out var last) || now - last >= options.Value.RefreshInterval;
            if (outcome.ItemsStored > 0 || stale)
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

        return new PollSummary(outcomes, requested);
    }

    /// <param name="channel">The channel to read.</param>
    /// <param name="cursor">Where to start.</param>
    /// <param name="cancellationToken">Ends the poll.</param>
    /// <param name="known">The channel's state as read at the start of the cycle, so a quiet poll writes without reading.</param>
    public async Task<PollOutcome> PollChannelAsync(ChannelDefinition channel, string? cursor, CancellationToken cancellationToken, ChannelState? known = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var outcome = await ReadChannelAsync(channel, cursor, known, cancellationToken).ConfigureAwait(false);

        // What the platform said of the credential while it was read (its end, a refreshed session), in either outcome.
        if (credentials.Take(channel.Id) is { } lifetime)
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

    private async Task<PollOutcome> ReadChannelAsync(ChannelDefinition channel, string? cursor, ChannelState? known, CancellationToken cancellationToken)
    {
        if (!_connectors.TryGetValue(channel.Kind, out var connector))
        {
            const string unknown = "No connector for this channel kind.";
            LogPollFailed(logger, channel.Id, unknown, null);
            await TryRecordFailureAsync(channel.Id, unknown, cancellationToken).ConfigureAwait(false);
            return new PollOutcome(channel.Id, false, 0, 0, unknown);
        }

        var stored = 0;
        var pages = 0;
        var wrote = false;
        string? pendingCursor = null;
        var pending = false;
        try
        {
            await foreach (var page in connector.ReadAsync(channel, cursor, cancellationToken).ConfigureAwait(false))
            {
                // Every connector's items meet the rules a push and an import meet; what cannot be stored is passed.
                var now = time.GetUtcNow();
                var storable = page.Items.Where(i => Refusal(i, now) is null).ToList();
                var result = await ingestion.IngestAsync(channel, storable, cancellationToken).ConfigureAwait(false);
                stored += result.Stored;
                pages++;
                foreach (var skipped in page.Skipped.Concat(page.Items.Select(i => Refusal(i, now) is { } why ? $"item '{Text.ErrorText.Quote(i.Id)}': {why}" : null).OfType<string>()))
                {
                    LogSkipped(logger, channel.Id, skipped);
                }

                if (page.Items.Count == 0)
                {
                    // Nothing to make durable: the cursor may wait for the next write, so a quiet poll writes once.
                    pendingCursor = page.CursorAfterPage ?? pendingCursor;
                    pending = true;
                    continue;
                }

                // Only now is the page durable, so only now may the cursor pass it.
                await states.RecordPollSuccessAsync(channel.Id, page.CursorAfterPage ?? pendingCursor, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                (pendingCursor, pending, wrote) = (null, false, true);
            }

            if (pending || !wrote)
            {
                // The state read at the start of the cycle still holds unless this poll stored something.
                await states.RecordPollSuccessAsync(channel.Id, pendingCursor, time.GetUtcNow(), cancellationToken, wrote || stored > 0 ? null : known).ConfigureAwait(false);
            }

            LogPolled(logger, channel.Id, stored, pages);
            return new PollOutcome(channel.Id, true, stored, pages, null);
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

    private static string? Refusal(Conversations.ContentItem item, DateTimeOffset now) =>
        Conversations.ItemRules.CheckIds(item.Id, item.ParentId, item.AuthorId) ?? Conversations.ItemRules.CheckTimes(item.CreatedAt, item.EditedAt, now);

    private async Task<Dictionary<string, DateTimeOffset>> GetAnalysisTimesAsync(CancellationToken cancellationToken)
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Polled channel {ChannelId}: {Items} items in {Pages} pages stored")]
    private static partial void LogPolled(ILogger logger, string channelId, int items, int pages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {ChannelId} sent an item that can never be stored; it is skipped and the cursor moves on: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string channelId, string reason);

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read analysis times; every channel is queued for analysis")]
    private static partial void LogSnapshotsUnavailable(ILogger logger, Exception exception);
}
