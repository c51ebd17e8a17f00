namespace ResponseMonitor.App.Api.Dashboard;

/// <summary>One channel on the dashboard. Durations in seconds, times UTC; ages are computed at request time.</summary>
internal sealed record ChannelSummaryDto(
    string Id,
    string Name,
    string Brand,
    string Kind,
    bool Enabled,
    int OpenCount,
    int CriticalOpenCount,
    DateTimeOffset? OldestOpenSince,
    double? OldestOpenAgeSeconds,
    double? OldestOpenBusinessAgeSeconds,
    int FirstResponseCount,
    double? MedianFirstResponseSeconds,
    double? P90FirstResponseSeconds,
    double? MedianFirstResponseBusinessSeconds,
    double? P90FirstResponseBusinessSeconds,
    bool HasBusinessHours,
    double? ResponseTargetSeconds,
    int ExcludedCount,
    int AnswerableCount,
    int AnsweredCount,
    double? ResponseRate,
    DateTimeOffset? LastBrandActivityAt,
    double? SilentForSeconds,
    double? SilentForBusinessSeconds,
    DateTimeOffset? AnalyzedAt,
    DateTimeOffset? WindowStart,
    DateTimeOffset? LastPolledAt,
    DateTimeOffset? LastPollSucceededAt,
    string? PollError,
    DateTimeOffset? PausedUntil,
    string PollState,
    CredentialDto Credential,
    int ActiveWarningCount,
    IReadOnlyList<string> ActiveWarningRules,
    IReadOnlyList<WarningDto> ActiveWarnings)
{
    /// <summary>The channel's listening score over 7 and 30 days, from its latest analysis (docs/METRICS.md).</summary>
    public IReadOnlyList<Metrics.ListeningDto> Listening { get; init; } = [];
}
