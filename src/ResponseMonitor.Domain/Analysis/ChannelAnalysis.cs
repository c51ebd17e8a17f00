namespace ResponseMonitor.Domain.Analysis;

/// <summary>The result of analysing one channel at one instant.</summary>
public sealed record ChannelAnalysis(
    string ChannelId,
    DateTimeOffset AnalyzedAt,
    DateTimeOffset WindowStart,
    IReadOnlyList<OpenComment> Open,
    IReadOnlyList<ThreadResponse> Responses,
    ResponseStatistics Statistics,
    IReadOnlyList<Metrics.Exclusion> Exclusions);
