using ResponseMonitor.Domain.Conversations;

namespace ResponseMonitor.Domain.Metrics;

/// <summary>A public message that needs an answer, and when the brand gave it (null while it waits).</summary>
public sealed record MessageOutcome(ContentItem Item, DateTimeOffset? AnsweredAt);
