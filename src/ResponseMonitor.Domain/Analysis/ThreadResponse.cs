namespace ResponseMonitor.Domain.Analysis;

/// <summary>
/// One brand answer to a run of public messages in a thread: the clock started at the first unanswered public
/// message of the run and stopped at the brand's reply. <see cref="IsFirst"/> marks the thread's first response.
/// </summary>
public sealed record ThreadResponse(string ThreadId, DateTimeOffset WaitingSince, DateTimeOffset RespondedAt, bool IsFirst, int MessagesAnswered)
{
    public TimeSpan Duration => RespondedAt - WaitingSince;
}
