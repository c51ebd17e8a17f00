namespace ResponseMonitor.App.Api.Metrics;

/// <summary>
/// A listening score over one window (docs/METRICS.md, "Listening score"): shares from 0 to 1, durations in seconds,
/// <paramref name="Score"/> from 0 to 100.
/// </summary>
/// <param name="Days">The dashboard's window, 7 or 30 days back from now; null in <c>/api/metrics</c>, whose window is given.</param>
/// <param name="Score">100 × <paramref name="Listened"/> / <paramref name="CommentsReceived"/>; null when nothing arrived.</param>
/// <param name="PostsPublished">The brand's own top-level posts in the window (not replies, not automation).</param>
/// <param name="CommentsReceived">Public messages that arrived in the window and need an answer.</param>
/// <param name="Answered">Of those, the ones answered by the window's as-of instant.</param>
/// <param name="ShareAnswered"><paramref name="Answered"/> over <paramref name="CommentsReceived"/>.</param>
/// <param name="AnsweredWithinTarget">Answered within the channel's response target, in business time.</param>
/// <param name="ShareAnsweredWithinTarget"><paramref name="AnsweredWithinTarget"/> over <paramref name="CommentsReceived"/>.</param>
/// <param name="TargetSeconds">The response target, in seconds; null when a brand's channels differ.</param>
/// <param name="MedianFirstResponseSeconds">Median wall time to the first answer.</param>
/// <param name="MedianFirstResponseBusinessSeconds">Median business time to the first answer.</param>
/// <param name="LeftWaitingPastNextPost">Messages still unanswered when the brand published its next post.</param>
/// <param name="Listened">Messages answered within the target and before the brand's next post.</param>
/// <param name="VeryResponsive">Against Meta's "very responsive" badge.</param>
internal sealed record ListeningDto(
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
