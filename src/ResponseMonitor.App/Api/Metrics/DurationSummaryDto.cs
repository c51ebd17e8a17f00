namespace ResponseMonitor.App.Api.Metrics;

internal sealed record DurationSummaryDto(int Count, double? MeanSeconds, double? MedianSeconds, double? P90Seconds, DurationBucketsDto Buckets);
