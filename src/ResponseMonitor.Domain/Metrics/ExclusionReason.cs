namespace ResponseMonitor.Domain.Metrics;

/// <summary>Why an item is left out of the response clock. API names: docs/METRICS.md.</summary>
public enum ExclusionReason
{
    /// <summary>A short thank-you that expects nothing back ("thanks!", "muchas gracias 🙏").</summary>
    Thanks,

    /// <summary>Only emoji, nothing to answer.</summary>
    EmojiOnly,

    /// <summary>A closing acknowledgement ("ok", "got it", "alles klar") or a phrase the brand configured.</summary>
    Acknowledgement,

    /// <summary>Obvious spam: too many links or a spam phrase.</summary>
    Spam,

    /// <summary>The brand replying to its own post or reply with nobody waiting.</summary>
    BrandSelfReply,

    /// <summary>A reply the brand marks as automation (a bot account or a marker); it does not stop the clock.</summary>
    Automation,

    /// <summary>A person marked it handled (answered elsewhere, no reply needed, spam, escalated); it stays in history.</summary>
    Handled,
    /// <summary>Deleted on the platform: nothing is left to answer, and a deleted brand reply answers no one. Always applied.</summary>
    Deleted,

    /// <summary>Hidden by the brand's moderation: no longer public, so it waits for nothing. Always applied.</summary>
    Hidden,
}
