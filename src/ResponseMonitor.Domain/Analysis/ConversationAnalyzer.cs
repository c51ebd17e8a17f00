using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Metrics;

namespace ResponseMonitor.Domain.Analysis;

/// <summary>
/// Runs the response clock (<see cref="ResponseClock"/>) over a channel's conversations for the rolling window:
/// what is open now, with the critic detector's verdict, and the window's figures in wall and business time.
/// Definitions and worked examples: docs/METRICS.md.
/// </summary>
public sealed class ConversationAnalyzer
{
    /// <param name="channel">The channel.</param>
    /// <param name="items">Items created in the window plus the messages that were open before it; duplicates by id are merged.</param>
    /// <param name="now">The instant of analysis.</param>
    /// <param name="windowStart">Start of the window that rates and response times cover.</param>
    /// <param name="critics">The brand's critic detector.</param>
    /// <param name="handled">Comments a person marked handled, by item id.</param>
    public ChannelAnalysis Analyze(ChannelDefinition channel, IEnumerable<ContentItem> items, DateTimeOffset now, DateTimeOffset windowStart, ICriticClassifier critics, IReadOnlyDictionary<string, Handling.HandledMark>? handled = null)
    {
        ArgumentNullException.ThrowIfNull(critics);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(items);

        var clock = ResponseClock.Run(channel, items, text => critics.Classify(text, channel.Language).IsCritical, handled);
        var open = clock.Messages
            .Where(m => m.AnsweredAt is null)
            .Select(m => new OpenComment(m.Item, critics.Classify(m.Item.Text, channel.Language)))
            .ToList();
        open.Sort((a, b) => a.Item.CreatedAt != b.Item.CreatedAt
            ? a.Item.CreatedAt.CompareTo(b.Item.CreatedAt)
            : string.CompareOrdinal(a.Item.Id, b.Item.Id));

        var metrics = ResponseMetricsCalculator.Sample(channel, clock, new MetricsWindow(windowStart, now.AddTicks(1), now)).Summarize();
        var statistics = new ResponseStatistics
        {
            OpenCount = open.Count,
            CriticalOpenCount = open.Count(o => o.Verdict.IsCritical),
            OldestOpenSince = open.Count == 0 ? null : open[0].Item.CreatedAt,
            Metrics = metrics,
        };

        return new ChannelAnalysis(channel.Id, now, windowStart, open, clock.Responses, statistics, clock.Exclusions)
        {
            Messages = clock.Messages,
            BrandPosts = clock.BrandPosts,
        };
    }
}
