namespace ResponseMonitor.Domain.Warnings;

/// <summary>A rule that holds right now for one subject: the channel itself, or one thread.</summary>
public sealed record WarningCondition(
    string Rule,
    string ChannelId,
    string Subject,
    WarningSeverity Severity,
    DateTimeOffset Since,
    string Message,
    string? ItemUrl = null)
{
    /// <summary>One identity per (rule, channel, subject): a warning is raised once however many instances run.</summary>
    public string Key => WarningKey.Of(Rule, Subject);

    /// <summary>What the rule observed, for the notification text; null when the message says it all.</summary>
    public WarningFacts? Facts { get; init; }
}
