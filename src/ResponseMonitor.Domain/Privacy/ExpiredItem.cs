namespace ResponseMonitor.Domain.Privacy;

/// <summary>An item past its channel's retention, as the sweep needs it: no text, no name.</summary>
public sealed record ExpiredItem(string Id, string AuthorId, Conversations.ItemKind Kind);
