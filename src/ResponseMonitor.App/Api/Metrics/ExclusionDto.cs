namespace ResponseMonitor.App.Api.Metrics;

internal sealed record ExclusionDto(string Id, string? ParentId, string ThreadId, string AuthorId, DateTimeOffset CreatedAt, string Reason, string Text, string? Url)
{
    /// <summary>The channel the item belongs to.</summary>
    public string ChannelId { get; init; } = "";

    /// <summary>For <c>handled</c>: who marked it, when, why and with what note.</summary>
    public Handled.HandledMarkDto? Handled { get; init; }
}
