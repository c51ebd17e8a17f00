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

    public static IReadOnlyCollection<string> All => Names.Values;

    public static string Name(HandledReason reason) => Names[reason];

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
