namespace ResponseMonitor.App.Api.Authors;

/// <summary>One stored post or comment of the author, as stored.</summary>
internal sealed record AuthorItemDto(
    string Id,
    string? ParentId,
    string ThreadId,
    string Kind,
    string AuthorId,
    string? AuthorName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    string Text,
    string? Url,
    bool Truncated);
