using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Domain.Warnings;

/// <summary>
/// When a waiting comment breaches a rule: the critic threshold for a critic (critic-ignored), the first-response
/// target for any comment (response-target), whichever comes first, each counted in the channel's business time as
/// the rules count it (docs/WARNINGS.md). Null when neither rule applies. The page orders "answer next" by it.
/// </summary>
public sealed record AnswerDeadline(DateTimeOffset At, string Rule)
{
    /// <summary>When a comment of the channel must be answered by (critic threshold or response target, whichever is first); null when neither applies.</summary>
    public static AnswerDeadline? For(ChannelDefinition channel, DateTimeOffset createdAt, bool critical)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var settings = channel.Warnings;
        AnswerDeadline? earliest = null;
        // A calendar that never opens again gives no deadline (AddBusinessTime answers null).
        if (critical && settings.IsEnabled(WarningRules.CriticIgnored) && channel.AddBusinessTime(createdAt, settings.CriticThreshold) is { } criticAt)
        {
            earliest = new AnswerDeadline(criticAt, WarningRules.CriticIgnored);
        }

        if (settings.IsEnabled(WarningRules.ResponseTargetBreached) && settings.ResponseTarget is { } target && channel.AddBusinessTime(createdAt, target) is { } at)
        {
            if (earliest is null || at < earliest.At)
            {
                earliest = new AnswerDeadline(at, WarningRules.ResponseTargetBreached);
            }
        }

        return earliest;
    }
}
