namespace ResponseMonitor.App.Api.Metrics;

/// <summary>What the response clock left out; <c>ChannelId</c> is null when every channel was asked for.</summary>
public sealed record ExclusionListResponse(string? ChannelId, DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ExclusionDto> Items);
