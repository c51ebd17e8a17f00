namespace ResponseMonitor.Domain.Polling;

/// <summary>
/// One poll message: a few channels, adjacent in id order so that their states are one range query, and the cycle's
/// instant. A channel polled after <see cref="ScheduledAt"/> is not polled again (a duplicate or late message).
/// </summary>
/// <param name="ChannelIds">The channels to poll.</param>
/// <param name="ScheduledAt">When the timer scheduled the cycle.</param>
/// <param name="Refresh">Those of them whose analysis is older than the refresh interval: analysed even if nothing changed.</param>
public sealed record PollBatch(IReadOnlyList<string> ChannelIds, DateTimeOffset ScheduledAt, IReadOnlyList<string> Refresh);
