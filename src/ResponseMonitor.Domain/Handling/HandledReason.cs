namespace ResponseMonitor.Domain.Handling;

/// <summary>Why a person closed a public comment without an answer on the channel. API names: <see cref="HandledReasons"/>.</summary>
public enum HandledReason
{
    /// <summary>Answered elsewhere: by direct message, phone, e-mail, in another thread.</summary>
    AnsweredElsewhere,

    /// <summary>Needs no reply, though the automatic exclusions did not see it (a compliment, a remark to a friend).</summary>
    NoReplyNeeded,

    /// <summary>Spam the automatic rules missed.</summary>
    Spam,

    /// <summary>Handed to another team (legal, support, press) who answers through its own channel.</summary>
    Escalated,
}
