namespace ResponseMonitor.Domain.Polling;

/// <summary>What one timer cycle scheduled.</summary>
/// <param name="ScheduledAt">The cycle's instant, carried by every message.</param>
/// <param name="Scheduled">Channels put on the poll queue.</param>
/// <param name="Messages">Poll messages sent.</param>
/// <param name="Paused">Channels a platform asked to wait: not enqueued.</param>
/// <param name="NotDue">Channels whose own cadence has not come round: not enqueued.</param>
/// <param name="RefreshQueued">Paused or not-due channels whose stale analysis was queued directly.</param>
public sealed record PollPlan(DateTimeOffset ScheduledAt, IReadOnlyList<string> Scheduled, int Messages, IReadOnlyList<string> Paused, IReadOnlyList<string> NotDue, IReadOnlyList<string> RefreshQueued);
