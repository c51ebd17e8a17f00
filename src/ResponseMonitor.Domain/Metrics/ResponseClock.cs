using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;

namespace ResponseMonitor.Domain.Metrics;

/// <summary>
/// The response clock over a channel's threads. Within each thread, in time order, public messages that need an
/// answer collect into a run; the brand's next (non-automated) item in the thread answers the whole run and stops its
/// clock, measured both in wall time and in the channel's business time. Definitions: docs/METRICS.md.
/// </summary>
internal static class ResponseClock
{
    /// <param name="channel">The channel: brand ids, business hours, exclusion rules.</param>
    /// <param name="items">The items; duplicates by id keep the latest version.</param>
    /// <param name="isCritical">The critic detector, consulted only to keep sarcastic thank-yous counted.</param>
    /// <param name="handled">Public messages a person marked handled, by item id: left out like exclusions, whatever they say.</param>
    public static ClockResult Run(ChannelDefinition channel, IEnumerable<ContentItem> items, Func<string, bool> isCritical, IReadOnlyDictionary<string, Handling.HandledMark>? handled = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(isCritical);

        var unique = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            // On a tie a hidden or deleted version wins: the waiting copy of a comment must not outlive its deletion.
            if (!unique.TryGetValue(item.Id, out var known) || item.ChangedAt > known.ChangedAt || (item.ChangedAt == known.ChangedAt && (item.State != ItemState.Visible || known.State == ItemState.Visible)))
            {
                unique[item.Id] = item;
            }
        }

        var rules = channel.Exclusions;
        var responses = new List<ThreadResponse>();
        var messages = new List<MessageOutcome>();
        var exclusions = new List<Exclusion>();
        var brandPosts = new List<DateTimeOffset>();
        foreach (var thread in unique.Values.GroupBy(i => string.IsNullOrEmpty(i.ThreadId) ? i.Id : i.ThreadId, StringComparer.Ordinal))
        {
            var pending = new List<ContentItem>();
            var responded = false;
            foreach (var item in thread.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal))
            {
                if (item.State != ItemState.Visible)
                {
                    exclusions.Add(new Exclusion(item, item.State == ItemState.Deleted ? ExclusionReason.Deleted : ExclusionReason.Hidden));
                    continue;
                }

                // A bot id is the brand's even when not listed among its ids; with automation switched off it answers like one.
                if (channel.IsBrandAuthor(item.AuthorId) || rules.AutomationAuthorIds.Contains(item.AuthorId))
                {
                    if (ExclusionDetector.IsAutomation(item, rules))
                    {
                        exclusions.Add(new Exclusion(item, ExclusionReason.Automation));
                        continue;
                    }

                    if (item.Kind == ItemKind.Post && item.ParentId is null)
                    {
                        brandPosts.Add(item.CreatedAt);
                    }

                    if (pending.Count > 0)
                    {
                        var start = pending[0].CreatedAt;
                        responses.Add(new ThreadResponse(thread.Key, start, item.CreatedAt, !responded, pending.Count, channel.BusinessTimeBetween(start, item.CreatedAt)));
                        messages.AddRange(pending.Select(p => new MessageOutcome(p, item.CreatedAt)));
                        pending.Clear();
                        responded = true;
                    }
                    else if (item.ParentId is not null
                        && unique.TryGetValue(item.ParentId, out var parent)
                        && (channel.IsBrandAuthor(parent.AuthorId) || rules.AutomationAuthorIds.Contains(parent.AuthorId))
                        && rules.IsEnabled(ExclusionReason.BrandSelfReply))
                    {
                        exclusions.Add(new Exclusion(item, ExclusionReason.BrandSelfReply));
                    }

                    // Otherwise a brand item with nothing waiting (its own post, a follow-up) answers no one.
                    continue;
                }

                // A person's mark comes before the automatic rules: it says who decided, and why.
                if (handled is not null && handled.TryGetValue(item.Id, out var mark))
                {
                    exclusions.Add(new Exclusion(item, ExclusionReason.Handled) { Mark = mark });
                    continue;
                }

                if (ExclusionDetector.ClassifyPublic(item, rules, isCritical) is { } reason)
                {
                    exclusions.Add(new Exclusion(item, reason));
                    continue;
                }

                pending.Add(item);
            }

            messages.AddRange(pending.Select(p => new MessageOutcome(p, null)));
        }

        brandPosts.Sort();
        return new ClockResult(responses, messages, exclusions) { BrandPosts = brandPosts };
    }
}
