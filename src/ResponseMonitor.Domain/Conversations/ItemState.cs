namespace ResponseMonitor.Domain.Conversations;

/// <summary>
/// What the platform says of an item besides its content: still shown, hidden by the brand's moderation, or deleted.
/// A hidden or deleted comment waits for nothing and stops no clock; it is counted apart (docs/METRICS.md).
/// </summary>
public enum ItemState
{
    /// <summary>Shown on the platform: the default.</summary>
    Visible,

    /// <summary>Hidden by the page or account (moderation): still on the platform, but no longer public.</summary>
    Hidden,

    /// <summary>Deleted on the platform. Its text and author are removed from storage (or its whole row, where the platform's terms ask).</summary>
    Deleted,
}
