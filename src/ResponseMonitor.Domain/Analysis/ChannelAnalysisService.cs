using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Critics.Learning;
using ResponseMonitor.Domain.Critics.Verdicts;
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
    IItemVerdictStore verdictStore,
    IChannelStateStore states,
    ISnapshotStore snapshots,
    IHandledMarkStore handledMarks,
    WarningService warnings,
    ConversationAnalyzer analyzer,
    CriticModelService criticModels,
    ICriticClassifier detector,
    IOptions<AnalysisOptions> options,
    MonitorMetrics metrics,
    TimeProvider time,
    ILogger<ChannelAnalysisService> logger)
{
    /// <summary>Analyses one configured channel now: stores its snapshot and open comments and applies its warnings.</summary>
    public async Task<AnalysisResult> AnalyzeAsync(string channelId, CancellationToken cancellationToken)
    {
        var channel = catalog.Find(channelId) ?? throw UnknownChannelException.For(channelId);
        var now = time.GetUtcNow();
        var windowStart = now - options.Value.Window;

        var previouslyOpen = await openComments.GetAsync(channel.Id, cancellationToken).ConfigureAwait(false);
        var recent = await items.GetCreatedSinceAsync(channel.Id, windowStart, cancellationToken).ConfigureAwait(false);
        var state = await states.GetAsync(channel.Id, cancellationToken).ConfigureAwait(false);
        var previous = await snapshots.GetAsync(channel.Id, cancellationToken).ConfigureAwait(false);
        var handled = await handledMarks.GetActiveAsync(channel.Id, cancellationToken).ConfigureAwait(false);

        // A comment is judged once, by whichever process sees it first: the verdict is kept with the item and reused
        // while its text and the detector's stamp are unchanged (docs/DETECTION.md, "What the analysis classifies").
        var read = recent.Concat(previouslyOpen.Select(o => o.Item)).ToList();
        var critics = new StoredVerdictClassifier(await criticModels.ForAsync(channel.Brand, cancellationToken).ConfigureAwait(false), channel.Language, read, time);
        // The spike baseline needs a verdict on every public comment of its lookback: judged in one batch (a model embeds
        // texts together), which also covers most of what is open. Excluded items (spam, emoji) are left out below.
        var spikeFrom = now - channel.Warnings.SpikeLookback - TimeSpan.FromHours(1);
        var spikeItems = recent.Where(i => i.CreatedAt > spikeFrom && i.State == Conversations.ItemState.Visible && !channel.IsBrandAuthor(i.AuthorId)).ToList();
        await critics.JudgeAsync(spikeItems.Select(i => i.Text), cancellationToken).ConfigureAwait(false);
        var analysis = analyzer.Analyze(channel, read, now, windowStart, critics, handled);
        if (detector.IsRemote)
        {
            analysis = await RefineAsync(channel, analysis, previouslyOpen, cancellationToken).ConfigureAwait(false);
        }

        var excluded = analysis.Exclusions.Select(e => e.Item.Id).ToHashSet(StringComparer.Ordinal);
        var criticalTimes = spikeItems.Where(i => !excluded.Contains(i.Id) && critics.Classify(i.Text, channel.Language).IsCritical).Select(i => i.CreatedAt).ToList();

        var judged = critics.ToStore(read);
        if (judged.Count > 0)
        {
            await verdictStore.SaveAsync(channel.Id, judged, cancellationToken).ConfigureAwait(false);
        }

        LogVerdicts(logger, channel.Id, critics.Judged, critics.Reused);
        analysis = analysis with { Open = [.. analysis.Open.Select(o => o with { Item = critics.WithVerdict(o.Item) })] };
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
            MedianFirstResponseBusinessSeconds = statistics.Metrics.FirstResponse.Business.Median?.TotalSeconds,
            P90FirstResponseBusinessSeconds = statistics.Metrics.FirstResponse.Business.P90?.TotalSeconds,
            ExcludedCount = statistics.Metrics.Excluded.Values.Sum(),
            AnswerableCount = statistics.AnswerableCount,
            AnsweredCount = statistics.AnsweredCount,
            ResponseRate = statistics.ResponseRate,
            LastBrandActivityAt = state?.LastBrandActivityAt,
            Listening7 = Listening(channel, analysis, now, TimeSpan.FromDays(7)),
            Listening30 = Listening(channel, analysis, now, TimeSpan.FromDays(30)),
            OpenHistory = HourlySample.Record(previous?.OpenHistory ?? [], now, statistics.OpenCount, channel.Warnings.SpikeLookback),
        };
        await snapshots.SaveAsync(snapshot, cancellationToken).ConfigureAwait(false);
        metrics.Analysed(channel.Id, statistics.OpenCount, statistics.OldestOpenSince is { } oldest ? now - oldest : null);

        // Spike baselines (above): the critical public comments of the lookback, spam and other excluded items left out
        // as nobody's criticism; and the open count hour by hour.
        var conditions = WarningEvaluator.Evaluate(new WarningInputs
        {
            Channel = channel,
            Analysis = analysis,
            LastBrandActivity = state?.LastBrandActivityAt,
            MonitoringSince = state?.MonitoringSince ?? now,
            CriticalCommentTimes = criticalTimes,
            OpenHistory = previous?.OpenHistory ?? [],
            CredentialsRejectedBecause = state is { CredentialsRejected: true } ? state.LastPollError ?? "refused" : null,
            Credential = state?.Credential,
        });
        var outcome = await warnings.ApplyAsync(channel, conditions, cancellationToken).ConfigureAwait(false);
        LogAnalyzed(logger, channel.Id, statistics.OpenCount, statistics.CriticalOpenCount, outcome.Fired, outcome.Resolved);
        return new AnalysisResult(snapshot, outcome.Fired, outcome.Resolved);
    }

    /// <summary>The listening figures of the last <paramref name="days"/>, from what the analysis read (at most its window).</summary>
    private static Metrics.ListeningSample Listening(ChannelDefinition channel, ChannelAnalysis analysis, DateTimeOffset now, TimeSpan days)
    {
        var clock = new Metrics.ClockResult(analysis.Responses, analysis.Messages, analysis.Exclusions) { BrandPosts = analysis.BrandPosts };
        return Metrics.ListeningCalculator.Sample(channel, clock, new Metrics.MetricsWindow(now - days, now.AddTicks(1), now));
    }

    /// <summary>
    /// Asks the remote backend about open messages it has not judged yet; a verdict it gave before is kept while the
    /// text is unchanged, so each message costs one remote call however often the channel is analysed.
    /// </summary>
    private async Task<ChannelAnalysis> RefineAsync(ChannelDefinition channel, ChannelAnalysis analysis, IReadOnlyList<OpenComment> previouslyOpen, CancellationToken cancellationToken)
    {
        var known = previouslyOpen.ToDictionary(o => o.Item.Id, StringComparer.Ordinal);
        var refined = analysis.Open.ToArray();
        var ask = new List<int>();
        for (var i = 0; i < refined.Length; i++)
        {
            if (known.TryGetValue(refined[i].Item.Id, out var before) && before.Item.Text == refined[i].Item.Text && before.Verdict.Cues.Any(c => c.StartsWith(detector.Name + ":", StringComparison.Ordinal)))
            {
                refined[i] = refined[i] with { Verdict = before.Verdict };
            }
            else
            {
                ask.Add(i);
            }
        }

        if (ask.Count > 0)
        {
            var verdicts = await detector.ClassifyAsync([.. ask.Select(i => refined[i].Item.Text)], channel.Language, cancellationToken).ConfigureAwait(false);
            for (var k = 0; k < ask.Count; k++)
            {
                refined[ask[k]] = refined[ask[k]] with { Verdict = verdicts[k] };
            }
        }

        return analysis with
        {
            Open = refined,
            Statistics = analysis.Statistics with { CriticalOpenCount = refined.Count(o => o.Verdict.IsCritical) },
        };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Critic verdicts of channel {ChannelId}: {Judged} texts judged, {Reused} answered by verdicts kept with their items")]
    private static partial void LogVerdicts(ILogger logger, string channelId, int judged, int reused);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysed channel {ChannelId}: {Open} open, {Critical} critical; warnings raised {Raised}, resolved {Resolved}")]
    private static partial void LogAnalyzed(ILogger logger, string channelId, int open, int critical, int raised, int resolved);
}
