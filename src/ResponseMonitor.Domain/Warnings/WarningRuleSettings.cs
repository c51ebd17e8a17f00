namespace ResponseMonitor.Domain.Warnings;

/// <summary>
/// The thresholds and lifecycle settings of the warning rules for one channel: the brand's defaults with the channel's
/// own values laid over them. Durations marked "business" count open hours when the channel has business hours.
/// </summary>
public sealed record WarningRuleSettings
{
    /// <summary>The settings of a channel that sets none.</summary>
    public static readonly WarningRuleSettings Default = new();

    /// <summary>Brand silent (no post, no reply) for longer than this raises <see cref="WarningRules.BrandSilent"/>. Wall time.</summary>
    public TimeSpan SilenceThreshold { get; init; } = TimeSpan.FromHours(72);

    /// <summary>How often the brand means to post here; when set, silence longer than cadence × <see cref="CadenceTolerance"/> is enough.</summary>
    public TimeSpan? ExpectedCadence { get; init; }

    /// <summary>How many cadences of silence raise <see cref="WarningRules.BrandSilent"/> when <see cref="ExpectedCadence"/> is set.</summary>
    public double CadenceTolerance { get; init; } = 2.0;

    /// <summary>A critic unanswered for longer than this (business time) raises <see cref="WarningRules.CriticIgnored"/>.</summary>
    public TimeSpan CriticThreshold { get; init; } = TimeSpan.FromHours(24);

    /// <summary>First-response target (business time) per thread: <see cref="WarningRules.ResponseTargetBreached"/>. Null: off.</summary>
    public TimeSpan? ResponseTarget { get; init; } = TimeSpan.FromHours(48);

    /// <summary>Fraction of a threshold at which a pre-warning is raised (0.75 = at 75 %); 0 or 1 turns pre-warnings off.</summary>
    public double PreWarningAt { get; init; } = 0.75;

    /// <summary>Spikes: a value above mean + k·σ of the channel's own hourly history.</summary>
    public double SpikeK { get; init; } = 3.0;

    /// <summary>How far back the hourly history that spikes are judged against goes.</summary>
    public TimeSpan SpikeLookback { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Hours of history needed before a spike can be judged at all.</summary>
    public int SpikeMinBaselineHours { get; init; } = 24;

    /// <summary>A spike must also reach this many comments, so 1 against a quiet baseline of 0 is no crisis.</summary>
    public int SpikeMinCount { get; init; } = 3;

    /// <summary>
    /// A credential that a person must renew raises <see cref="WarningRules.CredentialsExpiring"/> this long before the
    /// end the platform gives; critical in its last day.
    /// </summary>
    public TimeSpan CredentialExpiryWarning { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The calendar window in which <see cref="WarningRules.NotListening"/> counts the brand's posts and answers.</summary>
    public TimeSpan NotListeningWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Posts by the brand in the window that make it a brand that talks; one fewer gives the pre-warning.</summary>
    public int NotListeningMinPosts { get; init; } = 3;

    /// <summary>A share of the window's public comments answered below this (0.5 = 50 %) is not listening.</summary>
    public double NotListeningMinResponseRate { get; init; } = 0.5;

    /// <summary>How long a condition must hold before it fires, against flapping (threshold rules).</summary>
    public TimeSpan For { get; init; } = TimeSpan.Zero;

    /// <summary>How long a spike must hold before it fires.</summary>
    public TimeSpan SpikeFor { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A firing warning is sent again as a reminder this long after its last notification. Zero: never.</summary>
    public TimeSpan RepeatInterval { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Whether a notice is sent when a firing warning resolves.</summary>
    public bool SendResolved { get; init; } = true;

    /// <summary>Rules switched off for this channel.</summary>
    public IReadOnlyList<string> DisabledRules { get; init; } = [];

    /// <summary>How long a condition of the rule must hold before it fires.</summary>
    public TimeSpan ForOf(string rule) => WarningRules.IsSpike(rule) ? SpikeFor : For;

    /// <summary>The silence threshold in force: the cadence rule when declared and stricter, otherwise the plain threshold.</summary>
    public TimeSpan EffectiveSilenceThreshold =>
        ExpectedCadence is { } cadence && cadence * CadenceTolerance < SilenceThreshold ? cadence * CadenceTolerance : SilenceThreshold;

    /// <summary>Whether the rule is on for the channel.</summary>
    public bool IsEnabled(string rule) => !DisabledRules.Contains(rule);
}
