using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Telemetry;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Analysis;

/// <summary>
/// The AnalyzeChannel function: reads the channel's window and what was open before, runs the response clock,
/// stores the snapshot and the open set the dashboard reads, and moves warnings through their lifecycle.
/// Reads are bounded by the window and the open set, never by the channel's whole history.
/// </summary>
public sealed partial class ChannelAnalysisService(
    IChannelCatalog catalog,
    IItemStore items,
    IOpenCommentStore openComments,
    IChannelStateStore states,
    ISnapshotStore snapshots,
    WarningService warnings,
    ConversationAnalyzer analyzer,
    ICriticClassifier critics,
    IOptions<AnalysisOptions> options,
    MonitorMetrics metrics,
    TimeProvider time,
    ILogger<ChannelAnalysisService> logger)
{
    public async Task<AnalysisResult> AnalyzeAsync(string channelId, CancellationToken cancellationToken)
    {
        var channel = catalog.Find(channelId) ?? throw UnknownChannelException.For(channelId);
        var now = time.GetUtcNow();
        var windowStart = now - options.Value.Window;

        var previouslyOpen = await openComments.GetAsync(channel.Id, cancellationToken).ConfigureAwait(false);
        var recent = await items.GetCreatedSinceAsync(channel.Id, windowStart, cancellationToken).ConfigureAwait(false);
        var state = await states.GetAsync(channel.Id, cancellationToken).ConfigureAwait(false);
        var previous = await snapshots.GetAsync(channel.Id, cancellationToken).ConfigureAwait(false);

        var analysis = analyzer.Analyze(channel, recent.Concat(previouslyOpen.Select(o => o.Item)), now, windowStart);
        await openComments.ReplaceAsync(channel.Id, previouslyOpen, analysis.Open, cancellationToken).ConfigureAwait(false);

        var statistics = analysis.Statistics;
        var snapshot = new ChannelSnapshot
        {
            ChannelId = channel.Id,
            AnalyzedAt = now,
            WindowStart = windowStart,
            OpenCount = statistics.OpenCount,
            CriticalOpenCount = statistics.CriticalOpenCount,
            OldestOpenSince = statistics.OldestOpenSince,
            FirstResponseCount = statistics.FirstResponseCount,
            MedianFirstResponseSeconds = statistics.MedianFirstResponse?.TotalSeconds,
            P90FirstResponseSeconds = statistics.P90FirstResponse?.TotalSeconds,
            MedianFirstResponseBusinessSeconds = statistics.Metrics?.FirstResponse.Business.Median?.TotalSeconds,
            P90FirstResponseBusinessSeconds = statistics.Metrics?.FirstResponse.Business.P90?.TotalSeconds,
            ExcludedCount = statistics.Metrics?.Excluded.Values.Sum() ?? 0,
            AnswerableCount = statistics.AnswerableCount,
            AnsweredCount = statistics.AnsweredCount,
            ResponseRate = statistics.ResponseRate,
            LastBrandActivityAt = state?.LastBrandActivityAt,
            OpenHistory = HourlySample.Record(previous?.OpenHistory ?? [], now, statistics.OpenCount, channel.Warnings.SpikeLookback),
        };
        await snapshots.SaveAsync(snapshot, cancellationToken).ConfigureAwait(false);
        metrics.Analysed(channel.Id, statistics.OpenCount, statistics.OldestOpenSince is { } oldest ? now - oldest : null);

        // Spike baselines: the critical public comments of the lookback, and the open count hour by hour.
        var spikeFrom = now - channel.Warnings.SpikeLookback - TimeSpan.FromHours(1);
        var criticalTimes = recent
            .Where(i => i.CreatedAt > spikeFrom && !channel.IsBrandAuthor(i.AuthorId) && critics.Classify(i.Text).IsCritical)
            .Select(i => i.CreatedAt)
            .ToList();
        var conditions = WarningEvaluator.Evaluate(new WarningInputs
        {
            Channel = channel,
            Analysis = analysis,
            LastBrandActivity = state?.LastBrandActivityAt,
            MonitoringSince = state?.MonitoringSince ?? now,
            CriticalCommentTimes = criticalTimes,
            OpenHistory = previous?.OpenHistory ?? [],
        });
        var outcome = await warnings.ApplyAsync(channel, conditions, cancellationToken).ConfigureAwait(false);
        LogAnalyzed(logger, channel.Id, statistics.OpenCount, statistics.CriticalOpenCount, outcome.Fired, outcome.Resolved);
        return new AnalysisResult(snapshot, outcome.Fired, outcome.Resolved);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysed channel {ChannelId}: {Open} open, {Critical} critical; warnings raised {Raised}, resolved {Resolved}")]
    private static partial void LogAnalyzed(ILogger logger, string channelId, int open, int critical, int raised, int resolved);
}
