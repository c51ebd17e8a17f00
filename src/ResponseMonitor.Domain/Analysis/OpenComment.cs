using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Critics;

namespace ResponseMonitor.Domain.Analysis;

/// <summary>A public message that waits for the brand, with the detector's verdict on it.</summary>
public sealed record OpenComment(ContentItem Item, CriticVerdict Verdict)
{
    /// <summary>How long the comment has waited at <paramref name="now"/>, in wall time.</summary>
    public TimeSpan AgeAt(DateTimeOffset now) => now - Item.CreatedAt;
}
