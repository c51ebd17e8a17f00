namespace ResponseMonitor.Domain.Handling;

/// <summary>The names handled reasons have in the API.</summary>
public static class HandledReasons
{
    private static readonly Dictionary<HandledReason, string> Names = new()
    {
        [HandledReason.AnsweredElsewhere] = "answered-elsewhere",
        [HandledReason.NoReplyNeeded] = "no-reply-needed",
        [HandledReason.Spam] = "spam",
        [HandledReason.Escalated] = "escalated",
    };

    /// <summary>Every reason's name, as the API accepts it.</summary>
    public static IReadOnlyCollection<string> All => Names.Values;

    /// <summary>The reason's name in the API.</summary>
    public static string Name(HandledReason reason) => Names[reason];

    /// <summary>Reads a reason from its API name; false for an unknown one.</summary>
    public static bool TryParse(string? name, out HandledReason reason)
    {
        foreach (var (key, value) in Names)
        {
            if (string.Equals(value, name, StringComparison.Ordinal))
            {
                reason = key;
                return true;
            }
        }

        reason = default;
        return false;
    }
}
