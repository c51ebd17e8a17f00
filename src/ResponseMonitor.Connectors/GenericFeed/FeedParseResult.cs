using ResponseMonitor.Domain.Conversations;

namespace ResponseMonitor.Connectors.GenericFeed;

/// <summary>A parsed feed page: its items, or the first fault found, named so a person can fix it.</summary>
public sealed record FeedParseResult(IReadOnlyList<ContentItem> Items, string? NextPageToken, string? Error)
{
    public bool IsValid => Error is null;
}
