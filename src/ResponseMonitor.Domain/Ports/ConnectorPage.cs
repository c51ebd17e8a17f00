using ResponseMonitor.Domain.Conversations;

namespace ResponseMonitor.Domain.Ports;

/// <summary>One page read from a channel, and the cursor that is safe once this page and all before it are stored.</summary>
public sealed record ConnectorPage(IReadOnlyList<ContentItem> Items, string? CursorAfterPage);
