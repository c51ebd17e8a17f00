using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Domain.Metrics;

/// <summary>
/// Turns the clock's findings into a window's figures. A message belongs to the window it arrived in; a response
/// belongs to the window its clock started in. Everything is judged as of <see cref="MetricsWindow.AsOf"/>, so a
/// past window's report does not change when late answers arrive.
/// </summary>
internal static class ResponseMetricsCalculator
{
    /// <param name="channel">The channel, for its business hours.</param>
    /// <param name="clock">The clock run over items created before <see cref="MetricsWindow.AsOf"/>, with enough history before the window to tell first from next responses.</param>
    /// <param name="window">The window.</param>
    public static MetricsSample Sample(ChannelDefinition channel, ClockResult clock, MetricsWindow window)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(window);

        var sample = new MetricsSample();
        foreach (var response in clock.Responses.Where(r => window.Contains(r.WaitingSince) && r.RespondedAt <= window.AsOf))
        {
            (response.IsFirst ? sample.FirstResponses : sample.NextResponses).Add((response.Duration, response.BusinessDuration));
        }

        foreach (var message in clock.Messages.Where(m => window.Contains(m.Item.CreatedAt)))
        {
            sample.Answerable++;
            if (message.AnsweredAt is { } answered && answered <= window.AsOf)
            {
                sample.Answered++;
            }
            else
            {
                var since = message.Item.CreatedAt;
                var wall = window.AsOf > since ? window.AsOf - since : TimeSpan.Zero;
                sample.UnansweredAges.Add((wall, channel.BusinessTimeBetween(since, window.AsOf)));
            }
        }

        foreach (var exclusion in clock.Exclusions.Where(e => window.Contains(e.Item.CreatedAt)))
        {
            sample.Excluded[exclusion.Reason] = sample.Excluded.GetValueOrDefault(exclusion.Reason) + 1;
        }

        return sample;
    }
}
