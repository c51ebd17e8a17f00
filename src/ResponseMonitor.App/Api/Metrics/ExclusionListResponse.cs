namespace ResponseMonitor.App.Api.Metrics;

public sealed record ExclusionListResponse(string ChannelId, DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ExclusionDto> Items);
