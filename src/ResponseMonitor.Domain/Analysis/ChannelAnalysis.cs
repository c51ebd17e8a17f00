namespace ResponseMonitor.Domain.Analysis;

/// <summary>The result of analysing one channel at one instant.</summary>
public sealed record ChannelAnalysis(
    string ChannelId,
    DateTimeOffset AnalyzedAt,
    DateTimeOffset WindowStart,
    IReadOnlyList<OpenComment> Open,
    IReadOnlyList<ThreadResponse> Responses,
    ResponseStatistics Statistics,
    IReadOnlyList<Metrics.Exclusion> Exclusions)
{
    /// <summary>Every public message the clock found needing an answer, answered or not.</summary>
    public IReadOnlyList<Metrics.MessageOutcome> Messages { get; init; } = [];

    /// <summary>When the brand published its own posts (not replies, not automation), oldest first.</summary>
    public IReadOnlyList<DateTimeOffset> BrandPosts { get; init; } = [];
}
