namespace ResponseMonitor.Domain.Warnings;

/// <summary>The names of the warning rules, as stored and in the API.</summary>
public static class WarningRules
{
    /// <summary>No post and no reply by the brand on the channel for longer than its silence threshold (or cadence).</summary>
    public const string BrandSilent = "brand-silent";

    /// <summary>A critical comment unanswered for longer than the channel's critic threshold; pre-warned at 75 %.</summary>
    public const string CriticIgnored = "critic-ignored";

    /// <summary>A thread waiting for its first response longer than the channel's target; pre-warned at 75 %.</summary>
    public const string ResponseTargetBreached = "response-target";

    /// <summary>Open comments above the channel's own recent normal (mean + k·σ of hourly samples).</summary>
    public const string BacklogSpike = "backlog-spike";

    /// <summary>New critical comments in the last hour above the channel's own recent normal.</summary>
    public const string CriticismSpike = "criticism-spike";

    /// <summary>The platform refuses the channel's credentials: the channel is blind until someone renews them.</summary>
    public const string CredentialsRejected = "credentials-rejected";

    /// <summary>A credential that a person must renew ends within <see cref="WarningRuleSettings.CredentialExpiryWarning"/>.</summary>
    public const string CredentialsExpiring = "credentials-expiring";

    /// <summary>
    /// The brand kept posting (at least <see cref="WarningRuleSettings.NotListeningMinPosts"/> posts in
    /// <see cref="WarningRuleSettings.NotListeningWindow"/>) while public comments waited: it answered too few of them, or
    /// comments from before its latest post still wait. Pre-warned one post earlier.
    /// </summary>
    public const string NotListening = "not-listening";

    /// <summary>Every rule, in the order the docs list them.</summary>
    public static readonly IReadOnlyList<string> All = [BrandSilent, CriticIgnored, ResponseTargetBreached, BacklogSpike, CriticismSpike, CredentialsRejected, CredentialsExpiring, NotListening];

    /// <summary>Whether the rule compares against the channel's own history (mean + k·σ).</summary>
    public static bool IsSpike(string rule) => rule is BacklogSpike or CriticismSpike;
}
