using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Critics;

namespace ResponseMonitor.Domain.Analysis;

/// <summary>
/// Runs the response clock over a channel's conversations. Within each thread, in time order, public messages
/// collect into a run; the brand's next item in the thread answers the whole run and stops its clock. Whatever
/// is left at the end of a thread is open. Definitions and worked examples: docs/METRICS.md.
/// </summary>
public sealed class ConversationAnalyzer(ICriticClassifier critics)
{
    /// <param name="channel">The channel.</param>
    /// <param name="items">Items created in the window plus the messages that were open before it; duplicates by id are merged.</param>
    /// <param name="now">The instant of analysis.</param>
    /// <param name="windowStart">Start of the window that rates and response times cover.</param>
    public ChannelAnalysis Analyze(ChannelDefinition channel, IEnumerable<ContentItem> items, DateTimeOffset now, DateTimeOffset windowStart)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(items);

        var unique = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!unique.TryGetValue(item.Id, out var known) || item.ChangedAt >= known.ChangedAt)
            {
                unique[item.Id] = item;
            }
        }

        var open = new List<OpenComment>();
        var responses = new List<ThreadResponse>();
        var answerable = 0;
        var answered = 0;

        foreach (var thread in unique.Values.GroupBy(i => string.IsNullOrEmpty(i.ThreadId) ? i.Id : i.ThreadId, StringComparer.Ordinal))
        {
            var pending = new List<ContentItem>();
            var responded = false;
            foreach (var item in thread.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal))
            {
                var isBrand = channel.IsBrandAuthor(item.AuthorId);
                if (isBrand)
                {
                    if (pending.Count > 0)
                    {
                        responses.Add(new ThreadResponse(thread.Key, pending[0].CreatedAt, item.CreatedAt, !responded, pending.Count));
                        answered += pending.Count(p => p.CreatedAt >= windowStart);
                        pending.Clear();
                        responded = true;
                    }

                    // A brand item with nothing waiting before it (a follow-up, its own post) answers no one.
                    continue;
                }

                if (item.CreatedAt >= windowStart)
                {
                    answerable++;
                }

                pending.Add(item);
            }

            open.AddRange(pending.Select(p => new OpenComment(p, critics.Classify(p.Text))));
        }

        open.Sort((a, b) => a.Item.CreatedAt != b.Item.CreatedAt
            ? a.Item.CreatedAt.CompareTo(b.Item.CreatedAt)
            : string.CompareOrdinal(a.Item.Id, b.Item.Id));

        var firstResponses = responses
            .Where(r => r.IsFirst && r.RespondedAt >= windowStart)
            .Select(r => r.Duration)
            .Order()
            .ToList();

        var statistics = new ResponseStatistics
        {
            OpenCount = open.Count,
            CriticalOpenCount = open.Count(o => o.Verdict.IsCritical),
            OldestOpenSince = open.Count == 0 ? null : open[0].Item.CreatedAt,
            FirstResponseCount = firstResponses.Count,
            MedianFirstResponse = Percentile.Of(firstResponses, 0.5),
            P90FirstResponse = Percentile.Of(firstResponses, 0.9),
            AnswerableCount = answerable,
            AnsweredCount = answered,
        };

        return new ChannelAnalysis(channel.Id, now, windowStart, open, responses, statistics);
    }
}
