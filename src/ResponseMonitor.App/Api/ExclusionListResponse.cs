namespace ResponseMonitor.App.Api;

public sealed record ExclusionListResponse(string ChannelId, DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ExclusionDto> Items);
