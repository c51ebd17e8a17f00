namespace ResponseMonitor.Domain.Metrics;

/// <summary>
/// How well a channel or a brand listened over one window: what it published against what its public wrote and how it
/// answered. <see cref="Score"/> is the one headline figure. Definitions and worked examples: docs/METRICS.md,
/// "Listening score".
/// </summary>
/// <param name="PostsPublished">The brand's own posts (not replies, not automation) published in the window.</param>
/// <param name="CommentsReceived">Public messages of the window that need an answer (exclusions and handled ones left out).</param>
/// <param name="Answered">Of those, answered by the window's as-of instant.</param>
/// <param name="AnsweredWithinTarget">Answered within the channel's response target, in business time.</param>
/// <param name="Target">The response target; null for a brand whose channels have different targets.</param>
/// <param name="MedianFirstResponse">The median first response of the threads whose clock started in the window (wall time).</param>
/// <param name="MedianFirstResponseBusiness">The same in business time.</param>
/// <param name="LeftWaitingPastNextPost">Messages still unanswered when the brand published its next post.</param>
/// <param name="Listened">Messages answered within the target and before the brand's next post.</param>
/// <param name="AnsweredWithin15Minutes">Messages answered within 15 minutes of wall time, Meta's "very responsive" measure.</param>
public sealed record ListeningScore(
    int PostsPublished,
    int CommentsReceived,
    int Answered,
    int AnsweredWithinTarget,
    TimeSpan? Target,
    TimeSpan? MedianFirstResponse,
    TimeSpan? MedianFirstResponseBusiness,
    int LeftWaitingPastNextPost,
    int Listened,
    int AnsweredWithin15Minutes)
{
    /// <summary>Meta's public "very responsive" badge: 90 % answered within 15 minutes over the last 7 days.</summary>
    public static readonly TimeSpan VeryResponsiveTime = TimeSpan.FromMinutes(15);

    /// <summary>The share answered within <see cref="VeryResponsiveTime"/> that earns the badge.</summary>
    public const double VeryResponsiveShare = 0.9;

    /// <summary><see cref="Answered"/> over <see cref="CommentsReceived"/>; null when nothing was received.</summary>
    public double? ShareAnswered => Share(Answered);

    /// <summary><see cref="AnsweredWithinTarget"/> over <see cref="CommentsReceived"/>; null when nothing was received.</summary>
    public double? ShareAnsweredWithinTarget => Share(AnsweredWithinTarget);

    /// <summary><see cref="AnsweredWithin15Minutes"/> over <see cref="CommentsReceived"/>; null when nothing was received.</summary>
    public double? ShareAnsweredWithin15Minutes => Share(AnsweredWithin15Minutes);

    /// <summary>
    /// The headline figure, 0 to 100: of every hundred public messages that needed an answer, how many the brand answered
    /// within its target and before it posted again. Null when none arrived.
    /// </summary>
    public double? Score => Share(Listened) is { } share ? Math.Round(share * 100, 1) : null;

    /// <summary>Whether the window meets Meta's "very responsive" mark; null when no message arrived.</summary>
    public bool? VeryResponsive => ShareAnsweredWithin15Minutes is { } share ? share >= VeryResponsiveShare : null;

    private double? Share(int count) => CommentsReceived == 0 ? null : (double)count / CommentsReceived;
}
