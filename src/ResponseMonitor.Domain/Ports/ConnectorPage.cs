using ResponseMonitor.Domain.Conversations;

namespace ResponseMonitor.Domain.Ports;

/// <summary>
/// One page read from a channel, and the cursor that is safe once this page and all before it are stored.
/// <see cref="Skipped"/> names the items the page held that can never be stored (a missing field, an over-long id):
/// they are reported, and the cursor moves past them, since reading them again would fail again.
/// </summary>
public sealed record ConnectorPage(IReadOnlyList<ContentItem> Items, string? CursorAfterPage)
{
    /// <summary>Items of the page that could not be read, each with why; the rest are stored.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>Items stored earlier that the platform now says are deleted, hidden or shown again (tombstones, missing replies).</summary>
    public IReadOnlyList<ItemStateChange> StateChanges { get; init; } = [];

    /// <summary>A complete re-read of one thread, if the page is one: its stored replies missing from it are deleted (<see cref="Polling.MissingReplies"/>).</summary>
    public ThreadReread? Reread { get; init; }

    /// <summary>What a person should know about how the channel is read (a platform setting that hides messages); logged as warnings.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>
    /// What the platform said of the channel's credential while this page was read (its end, a refreshed session, a
    /// rotated token); null when it said nothing. The poller stores the read's latest with the channel's state, whether
    /// the read then succeeds or fails, so the dashboard and the credential warnings see it.
    /// </summary>
    public CredentialLifetime? Credential { get; init; }
}
