using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.App.Configuration;

/// <summary>
/// Lays a channel's warning settings over the brand's: <c>Monitor:Warnings</c>, then
/// <c>Monitor:Channels:N:Warnings</c>, then the channel's threshold shorthands (<see cref="ChannelConfigurationReader"/>
/// binds the first two).
/// </summary>
internal static class WarningSettingsBinder
{
    /// <summary>The channel's threshold shorthands (<c>SilenceThreshold</c>, <c>CriticThreshold</c>) over its bound settings.</summary>
    public static WarningRuleSettings WithShorthands(WarningRuleSettings settings, ChannelOptions channel)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(channel);
        return settings with
        {
            SilenceThreshold = channel.SilenceThreshold ?? settings.SilenceThreshold,
            CriticThreshold = channel.CriticThreshold ?? settings.CriticThreshold,
        };
    }

    public static IEnumerable<string> Problems(WarningRuleSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.SilenceThreshold <= TimeSpan.Zero || s.CriticThreshold < TimeSpan.Zero || s.ResponseTarget < TimeSpan.Zero || s.ExpectedCadence <= TimeSpan.Zero)
        {
            yield return "warning thresholds must be positive (CriticThreshold and ResponseTarget may be zero).";
        }

        if (s.PreWarningAt is < 0 or > 1 || s.CadenceTolerance <= 0)
        {
            yield return "Warnings:PreWarningAt must be between 0 and 1, and CadenceTolerance positive.";
        }

        if (s.SpikeK <= 0 || s.SpikeLookback < TimeSpan.FromHours(1) || s.SpikeMinBaselineHours < 1 || s.SpikeMinCount < 1)
        {
            yield return "Warnings: SpikeK must be positive, SpikeLookback at least an hour, SpikeMinBaselineHours and SpikeMinCount at least 1.";
        }

        if (s.For < TimeSpan.Zero || s.SpikeFor < TimeSpan.Zero || s.RepeatInterval < TimeSpan.Zero)
        {
            yield return "Warnings: For, SpikeFor and RepeatInterval cannot be negative.";
        }

        // The analysis reads a 30-day window by default; a longer window would count posts it never read.
        if (s.NotListeningWindow < TimeSpan.FromHours(1) || s.NotListeningWindow > TimeSpan.FromDays(30) || s.NotListeningMinPosts < 1 || s.NotListeningMinResponseRate is < 0 or > 1)
        {
            yield return "Warnings: NotListeningWindow must be from an hour to 30 days, NotListeningMinPosts at least 1, NotListeningMinResponseRate between 0 and 1.";
        }

        foreach (var rule in s.DisabledRules.Where(r => !WarningRules.All.Contains(r)))
        {
            yield return $"Warnings:DisabledRules names unknown rule '{rule}'.";
        }
    }
}
