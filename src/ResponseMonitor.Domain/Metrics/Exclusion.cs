using ResponseMonitor.Domain.Conversations;

namespace ResponseMonitor.Domain.Metrics;

/// <summary>An item the response clock left out, and why.</summary>
public sealed record Exclusion(ContentItem Item, ExclusionReason Reason);
