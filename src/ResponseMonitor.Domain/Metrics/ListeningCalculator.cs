using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Metrics;

/// <summary>
/// Sets what the brand published against how it answered, over one window (docs/METRICS.md, "Listening score"). A
/// message belongs to the window it arrived in and is judged as of <see cref="MetricsWindow.AsOf"/>, like the response
/// figures, so a past window's score does not change when late answers arrive.
/// </summary>
public static class ListeningCalculator
{
    /// <summary>The target a channel's answers are judged against: its response target, or the default when the rule is off.</summary>
    public static TimeSpan TargetOf(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.Warnings.ResponseTarget ?? WarningRuleSettings.Default.ResponseTarget!.Value;
    }

    /// <summary>The channel's raw listening counts over the window, from its clock's threads.</summary>
    public static ListeningSample Sample(ChannelDefinition channel, ClockResult clock, MetricsWindow window)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(window);

        var target = TargetOf(channel);
        var sample = new ListeningSample
        {
            Posts = clock.BrandPosts.Count(p => window.Contains(p) && p <= window.AsOf),
        };
        var posts = clock.BrandPosts.Where(p => p <= window.AsOf).ToList();
        foreach (var message in clock.Messages.Where(m => window.Contains(m.Item.CreatedAt) && m.Item.CreatedAt <= window.AsOf))
        {
            var created = message.Item.CreatedAt;
            var answeredAt = message.AnsweredAt is { } at && at <= window.AsOf ? at : (DateTimeOffset?)null;
            sample.Received++;

            // The brand's next post after the message; left waiting past it if no answer came first.
            var next = NextPost(posts, created);
            var leftWaiting = next is { } post && (answeredAt is null || answeredAt > post);
            if (leftWaiting)
            {
                sample.LeftWaitingPastNextPost++;
            }

            if (answeredAt is not { } answered)
            {
                continue;
            }

            sample.Answered++;
            var withinTarget = channel.BusinessTimeBetween(created, answered) <= target;
            if (withinTarget)
            {
                sample.AnsweredWithinTarget++;
            }

            if (answered - created <= ListeningScore.VeryResponsiveTime)
            {
                sample.AnsweredWithin15Minutes++;
            }

            if (withinTarget && !leftWaiting)
            {
                sample.Listened++;
            }
        }

        foreach (var response in clock.Responses.Where(r => r.IsFirst && window.Contains(r.WaitingSince) && r.RespondedAt <= window.AsOf))
        {
            sample.FirstResponses.Add((response.Duration, response.BusinessDuration));
        }

        return sample;
    }

    private static DateTimeOffset? NextPost(List<DateTimeOffset> sortedPosts, DateTimeOffset after)
    {
        // Posts are few next to comments: a binary search keeps a busy channel's window linear.
        var index = sortedPosts.BinarySearch(after);
        index = index < 0 ? ~index : index + 1;
        while (index < sortedPosts.Count && sortedPosts[index] <= after)
        {
            index++;
        }

        return index < sortedPosts.Count ? sortedPosts[index] : null;
    }
}
