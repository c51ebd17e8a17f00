namespace ResponseMonitor.App.Api.Handled;

/// <summary>A comment's handled mark; <paramref name="Active"/> is false once undone (by whom and when kept).</summary>
internal sealed record HandledMarkDto(string ChannelId, string ItemId, string Reason, string MarkedBy, string? Note, DateTimeOffset MarkedAt, bool Active, DateTimeOffset? UndoneAt, string? UndoneBy);
