namespace ResponseMonitor.Domain.Warnings;

public static class WarningRules
{
    /// <summary>No post and no reply by the brand on the channel for longer than its silence threshold.</summary>
    public const string BrandSilent = "brand-silent";

    /// <summary>A critical comment unanswered for longer than the channel's critic threshold.</summary>
    public const string CriticIgnored = "critic-ignored";
}
