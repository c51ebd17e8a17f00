namespace ResponseMonitor.App.Api.Metrics;

/// <summary>
/// A listening score over one window (docs/METRICS.md, "Listening score"): shares from 0 to 1, durations in seconds,
/// <paramref name="Score"/> from 0 to 100.
/// </summary>
/// <param name="Days">The dashboard's window, 7 or 30 days back from now; null in <c>/api/metrics</c>, whose window is given.</param>
public sealed record ListeningDto(
    int? Days,
    double? Score,
    int PostsPublished,
    int CommentsReceived,
    int Answered,
    double? ShareAnswered,
    int AnsweredWithinTarget,
    double? ShareAnsweredWithinTarget,
    double? TargetSeconds,
    double? MedianFirstResponseSeconds,
    double? MedianFirstResponseBusinessSeconds,
    int LeftWaitingPastNextPost,
    int Listened,
    VeryResponsiveDto VeryResponsive);
