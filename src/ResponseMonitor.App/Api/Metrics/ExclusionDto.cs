namespace ResponseMonitor.App.Api.Metrics;

public sealed record ExclusionDto(string Id, string? ParentId, string ThreadId, string AuthorId, DateTimeOffset CreatedAt, string Reason, string Text, string? Url);
