namespace ResponseMonitor.Domain.Ingestion;

public sealed record IngestResult(int Stored, DateTimeOffset? LatestBrandActivity);
