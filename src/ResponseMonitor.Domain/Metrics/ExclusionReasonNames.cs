namespace ResponseMonitor.Domain.Metrics;

/// <summary>The names exclusion reasons have in configuration and in the API.</summary>
public static class ExclusionReasonNames
{
    private static readonly Dictionary<ExclusionReason, string> Names = new()
    {
        [ExclusionReason.Thanks] = "thanks",
        [ExclusionReason.EmojiOnly] = "emoji-only",
        [ExclusionReason.Acknowledgement] = "acknowledgement",
        [ExclusionReason.Spam] = "spam",
        [ExclusionReason.BrandSelfReply] = "brand-self-reply",
        [ExclusionReason.Automation] = "automation",
        [ExclusionReason.Handled] = "handled",
        [ExclusionReason.Deleted] = "deleted",
        [ExclusionReason.Hidden] = "hidden",
    };

    /// <summary>Every reason's name, as configured and in the API.</summary>
    public static IReadOnlyCollection<string> All => Names.Values;

    /// <summary>The reason's name.</summary>
    public static string Name(ExclusionReason reason) => Names[reason];

    /// <summary>Reads a reason from its name; false for an unknown one.</summary>
    public static bool TryParse(string? name, out ExclusionReason reason)
    {
        foreach (var (key, value) in Names)
        {
            if (string.Equals(value, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                reason = key;
                return true;
            }
        }

        reason = default;
        return false;
    }
}
