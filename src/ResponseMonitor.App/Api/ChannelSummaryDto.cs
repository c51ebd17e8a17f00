namespace ResponseMonitor.App.Api;

/// <summary>One channel on the dashboard. Durations in seconds, times UTC; ages are computed at request time.</summary>
public sealed record ChannelSummaryDto(
    string Id,
    string Name,
    string Kind,
    bool Enabled,
    int OpenCount,
    int CriticalOpenCount,
    DateTimeOffset? OldestOpenSince,
    double? OldestOpenAgeSeconds,
    int FirstResponseCount,
    double? MedianFirstResponseSeconds,
    double? P90FirstResponseSeconds,
    int AnswerableCount,
    int AnsweredCount,
    double? ResponseRate,
    DateTimeOffset? LastBrandActivityAt,
    double? SilentForSeconds,
    DateTimeOffset? AnalyzedAt,
    DateTimeOffset? WindowStart,
    DateTimeOffset? LastPolledAt,
    DateTimeOffset? LastPollSucceededAt,
    string? PollError,
    DateTimeOffset? PausedUntil,
    IReadOnlyList<WarningDto> ActiveWarnings);
