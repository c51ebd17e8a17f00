namespace ResponseMonitor.App.Api.Silences;

internal sealed record SilenceDto(
    string Id,
    string? Brand,
    string? ChannelId,
    string? Rule,
    string? Subject,
    string? MaxSeverity,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string CreatedBy,
    string Comment,
    DateTimeOffset CreatedAt,
    string Status);
