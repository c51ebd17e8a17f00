namespace ResponseMonitor.App.Api.Metrics;

public sealed record ExclusionDto(string Id, string? ParentId, string ThreadId, string AuthorId, DateTimeOffset CreatedAt, string Reason, string Text, string? Url)
{
    /// <summary>The channel the item belongs to.</summary>
    public string ChannelId { get; init; } = "";
}
