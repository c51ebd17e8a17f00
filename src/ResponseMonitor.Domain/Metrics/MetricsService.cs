using Microsoft.Extensions.Options;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Critics.Learning;
using ResponseMonitor.Domain.Critics.Verdicts;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Domain.Metrics;

/// <summary>
/// Response metrics for any window, on demand, from stored items. Each channel is read for the window plus
/// <see cref="AnalysisOptions.Window"/> before it, so a thread that started earlier still tells its first response
/// from its next ones. Reads are bounded by the window, never by a channel's whole history.
/// </summary>
public sealed class MetricsService(IItemStore items, IItemVerdictStore verdictStore, IHandledMarkStore handledMarks, CriticModelService criticModels, IOptions<AnalysisOptions> options, TimeProvider time)
{
    private const int Parallelism = 4;

    /// <summary>Computes the channels' metrics over [from, to) from stored items.</summary>
    public async Task<MetricsReport> ReportAsync(IReadOnlyList<ChannelDefinition> channels, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var window = MetricsWindow.Create(from, to, time.GetUtcNow());
        var samples = new MetricsSample[channels.Count];
        var listening = new ListeningSample[channels.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, channels.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var clock = await ClockAsync(channels[i], window, ct).ConfigureAwait(false);
                samples[i] = ResponseMetricsCalculator.Sample(channels[i], clock, window);
                listening[i] = ListeningCalculator.Sample(channels[i], clock, window);
            }).ConfigureAwait(false);

        var perChannel = channels.Select((c, i) => new ChannelMetrics(c, samples[i].Summarize()) { Listening = listening[i].Summarize(ListeningCalculator.TargetOf(c)) }).ToList();
        var brands = channels
            .Select((c, i) => (Channel: c, Sample: samples[i], Listening: listening[i]))
            .GroupBy(x => x.Channel.Brand, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new BrandMetrics(g.Key, g.Count(), MetricsSample.Merge(g.Select(x => x.Sample)).Summarize())
            {
                Listening = ListeningSample.Merge(g.Select(x => x.Listening)).Summarize(CommonTarget(g.Select(x => x.Channel))),
            })
            .ToList();
        return new MetricsReport(window, perChannel, brands, MetricsSample.Merge(samples).Summarize())
        {
            Listening = ListeningSample.Merge(listening).Summarize(CommonTarget(channels)),
        };
    }

    /// <summary>The channels' response target when they share one; null when they differ.</summary>
    public static TimeSpan? CommonTarget(IEnumerable<ChannelDefinition> channels)
    {
        var targets = channels.Select(ListeningCalculator.TargetOf).Distinct().ToList();
        return targets.Count == 1 ? targets[0] : null;
    }

    /// <summary>
    /// The last <paramref name="days"/> calendar days, each in its channel's own time zone (its business hours' zone,
    /// UTC without): the messages that arrived that day, judged as of now, so an answer after midnight still counts
    /// for the day its clock started (docs/METRICS.md, "Days"). Channels in different zones add up by date.
    /// </summary>
    public async Task<IReadOnlyList<DailyMetrics>> DailyAsync(IReadOnlyList<ChannelDefinition> channels, int days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var now = time.GetUtcNow();
        var perChannel = new List<(DateOnly Date, MetricsSample Sample)>[channels.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, channels.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var channel = channels[i];
                var zone = channel.BusinessHours?.TimeZone ?? TimeZoneInfo.Utc;
                var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(1 - days);
                // One read and one clock for the whole span; each day is a window of it judged as of now, not as of
                // the day's end (MetricsWindow.Create would cut at the end).
                var clock = await ClockAsync(channel, MetricsWindow.Create(StartOf(first, zone), now, now), ct).ConfigureAwait(false);
                perChannel[i] = [.. Enumerable.Range(0, days).Select(d => first.AddDays(d)).Select(date =>
                    (date, ResponseMetricsCalculator.Sample(channel, clock, new MetricsWindow(StartOf(date, zone), StartOf(date.AddDays(1), zone), now))))];
            }).ConfigureAwait(false);

        return [.. perChannel.SelectMany(c => c)
            .GroupBy(x => x.Date)
            .OrderBy(g => g.Key)
            .TakeLast(days)
            .Select(g => new DailyMetrics(g.Key, MetricsSample.Merge(g.Select(x => x.Sample)).Summarize()))];
    }

    /// <summary>The instant a day begins in a zone: its local midnight, or the first valid time after a spring-forward gap.</summary>
    internal static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The items of the window the clock left out, oldest first, with the reason.</summary>
    public async Task<(MetricsWindow Window, IReadOnlyList<Exclusion> Exclusions)> ExclusionsAsync(ChannelDefinition channel, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var window = MetricsWindow.Create(from, to, time.GetUtcNow());
        var clock = await ClockAsync(channel, window, cancellationToken).ConfigureAwait(false);
        var excluded = clock.Exclusions
            .Where(e => window.Contains(e.Item.CreatedAt))
            .OrderBy(e => e.Item.CreatedAt)
            .ThenBy(e => e.Item.Id, StringComparer.Ordinal)
            .ToList();
        return (window, excluded);
    }

    private async Task<ClockResult> ClockAsync(ChannelDefinition channel, MetricsWindow window, CancellationToken cancellationToken)
    {
        // Items up to the as-of instant only: an answer that came later does not count for this window.
        var read = await items.GetCreatedBetweenAsync(channel.Id, window.From - options.Value.Window, window.AsOf.AddTicks(1), cancellationToken).ConfigureAwait(false);
        // Verdicts kept with the items answer; what no process judged yet is judged once and kept.
        var critics = new StoredVerdictClassifier(await criticModels.ForAsync(channel.Brand, cancellationToken).ConfigureAwait(false), channel.Language, read, time);

        // A mark counts for a window only if it was made by the window's as-of instant, like a late answer.
        var marks = await handledMarks.GetActiveAsync(channel.Id, cancellationToken).ConfigureAwait(false);
        var handled = marks.Values.Where(m => m.IsActiveAt(window.AsOf)).ToDictionary(m => m.ItemId, StringComparer.Ordinal);
        var clock = ResponseClock.Run(channel, read, text => critics.Classify(text, channel.Language).IsCritical, handled);
        var judged = critics.ToStore(read);
        if (judged.Count > 0)
        {
            await verdictStore.SaveAsync(channel.Id, judged, cancellationToken).ConfigureAwait(false);
        }

        return clock;
    }
}
