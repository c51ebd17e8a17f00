namespace ResponseMonitor.App.Api.Silences;

/// <summary>POST /api/silences. Matchers left out match anything; give <see cref="EndsAt"/> or <see cref="Duration"/>.</summary>
internal sealed record SilenceRequest(
    string? Brand,
    string? ChannelId,
    string? Rule,
    string? Subject,
    string? MaxSeverity,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    TimeSpan? Duration,
    string? CreatedBy,
    string? Comment);
