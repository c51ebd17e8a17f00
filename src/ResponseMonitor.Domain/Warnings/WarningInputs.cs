using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Domain.Warnings;

/// <summary>Everything the rules look at for one channel at one instant.</summary>
internal sealed record WarningInputs
{
    public required ChannelDefinition Channel { get; init; }

    public required ChannelAnalysis Analysis { get; init; }

    /// <summary>The brand's last post or reply on the channel, all time.</summary>
    public DateTimeOffset? LastBrandActivity { get; init; }

    /// <summary>When the monitor first read the channel: the silence clock starts here if the brand never spoke, and no spike baseline reaches further back.</summary>
    public required DateTimeOffset MonitoringSince { get; init; }

    /// <summary>Creation times of the public comments judged critical over the spike lookback and the last hour.</summary>
    public IReadOnlyList<DateTimeOffset> CriticalCommentTimes { get; init; } = [];

    /// <summary>The platform refused the channel's credentials at its last poll, with what it said.</summary>
    public string? CredentialsRejectedBecause { get; init; }

    /// <summary>What the platform last said about the credential's end.</summary>
    public Ports.CredentialLifetime? Credential { get; init; }

    /// <summary>Hourly maxima of the open-comment count before this analysis.</summary>
    public IReadOnlyList<HourlySample> OpenHistory { get; init; } = [];
}
