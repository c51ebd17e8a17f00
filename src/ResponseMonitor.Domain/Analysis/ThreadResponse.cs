namespace ResponseMonitor.Domain.Analysis;

/// <summary>
/// One brand answer to a run of public messages in a thread: the clock started at the first unanswered public
/// message of the run and stopped at the brand's reply. <see cref="IsFirst"/> marks the thread's first response;
/// <see cref="BusinessDuration"/> counts only the channel's open hours (equal to the wall time without hours).
/// </summary>
public sealed record ThreadResponse(string ThreadId, DateTimeOffset WaitingSince, DateTimeOffset RespondedAt, bool IsFirst, int MessagesAnswered, TimeSpan BusinessDuration)
{
    /// <summary>How long the thread waited for the brand, in wall time.</summary>
    public TimeSpan Duration => RespondedAt - WaitingSince;
}
