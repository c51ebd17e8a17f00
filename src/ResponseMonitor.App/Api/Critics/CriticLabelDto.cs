namespace ResponseMonitor.App.Api.Critics;

/// <summary>One comment's label: <c>critical</c> or <c>not_critical</c>, and when it was given (answers only).</summary>
internal sealed record CriticLabelDto(string? ChannelId, string? ItemId, string? Label, DateTimeOffset? LabelledAt = null);
