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

    public WarningFacts? Facts { get; init; }
}
