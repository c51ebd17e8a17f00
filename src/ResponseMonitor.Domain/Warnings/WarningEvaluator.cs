using System.Globalization;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Domain.Warnings;

/// <summary>Evaluates the v1 rules against an analysis. Pure: the same inputs give the same conditions.</summary>
public static class WarningEvaluator
{
    /// <param name="channel">The channel and its thresholds.</param>
    /// <param name="analysis">The channel's analysis at <see cref="ChannelAnalysis.AnalyzedAt"/>.</param>
    /// <param name="lastBrandActivity">The brand's last post or reply on the channel, all time.</param>
    /// <param name="monitoringSince">When the monitor first read the channel; the silence clock starts here if the brand never spoke.</param>
    public static IReadOnlyList<WarningCondition> Evaluate(ChannelDefinition channel, ChannelAnalysis analysis, DateTimeOffset? lastBrandActivity, DateTimeOffset monitoringSince)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(analysis);
        var now = analysis.AnalyzedAt;
        var conditions = new List<WarningCondition>();

        var silentFrom = lastBrandActivity ?? monitoringSince;
        if (now - silentFrom > channel.SilenceThreshold)
        {
            var message = lastBrandActivity is null
                ? string.Create(CultureInfo.InvariantCulture, $"The brand has not posted or replied on {channel.Name} since monitoring began {Describe(now - silentFrom)} ago (threshold {Describe(channel.SilenceThreshold)}).")
                : string.Create(CultureInfo.InvariantCulture, $"The brand has not posted or replied on {channel.Name} for {Describe(now - silentFrom)} (threshold {Describe(channel.SilenceThreshold)}).");
            conditions.Add(new WarningCondition(WarningRules.BrandSilent, channel.Id, channel.Id, WarningSeverity.Warning, silentFrom + channel.SilenceThreshold, message));
        }

        foreach (var open in analysis.Open)
        {
            var age = open.AgeAt(now);
            if (open.Verdict.IsCritical && age > channel.CriticThreshold)
            {
                var who = open.Item.AuthorName ?? open.Item.AuthorId;
                var message = string.Create(CultureInfo.InvariantCulture, $"A critical comment by {who} on {channel.Name} has waited {Describe(age)} for an answer (threshold {Describe(channel.CriticThreshold)}): \"{Excerpt(open.Item.Text)}\"");
                conditions.Add(new WarningCondition(WarningRules.CriticIgnored, channel.Id, open.Item.Id, WarningSeverity.Critical, open.Item.CreatedAt + channel.CriticThreshold, message, open.Item.Url));
            }
        }

        return conditions;
    }

    /// <summary>"3 d 4 h", "5 h 12 min", "42 min": what a person reads in a message.</summary>
    public static string Describe(TimeSpan span)
    {
        if (span.TotalDays >= 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} d {span.Hours} h");
        }

        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)span.TotalMinutes)} min");
    }

    private static string Excerpt(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "...");
}
