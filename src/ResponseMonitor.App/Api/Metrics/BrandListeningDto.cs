namespace ResponseMonitor.App.Api.Metrics;

/// <summary>A brand's listening on the dashboard: its channels' messages pooled, over 7 and 30 days.</summary>
internal sealed record BrandListeningDto(string Brand, int ChannelCount, IReadOnlyList<ListeningDto> Listening);
