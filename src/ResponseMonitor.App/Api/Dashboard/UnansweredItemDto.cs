namespace ResponseMonitor.App.Api.Dashboard;

public sealed record UnansweredItemDto(
    string ChannelId,
    string Id,
    string? ParentId,
    string ThreadId,
    string AuthorId,
    string? AuthorName,
    DateTimeOffset CreatedAt,
    double AgeSeconds,
    double BusinessAgeSeconds,
    string Text,
    string? Url,
    bool Critical,
    string CriticLabel,
    double CriticScore,
    string Language,
    IReadOnlyList<string> Cues);
