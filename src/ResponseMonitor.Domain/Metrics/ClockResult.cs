using ResponseMonitor.Domain.Analysis;

namespace ResponseMonitor.Domain.Metrics;

/// <summary>What the response clock found in a set of threads: each answered run, each message that needs an answer, and what it left out.</summary>
public sealed record ClockResult(IReadOnlyList<ThreadResponse> Responses, IReadOnlyList<MessageOutcome> Messages, IReadOnlyList<Exclusion> Exclusions)
{
    /// <summary>When the brand published its own posts (not replies, not automation), oldest first.</summary>
    public IReadOnlyList<DateTimeOffset> BrandPosts { get; init; } = [];
}
