namespace ResponseMonitor.App.Api.Import;

/// <summary>An import job: its state, the share of the file read, and when done what the import did (docs/METRICS.md).</summary>
internal sealed record ImportJobResponse(
    string Id,
    string ChannelId,
    string Format,
    string State,
    long BytesTotal,
    long BytesRead,
    double Progress,
    int Attempts,
    ImportResponse? Result,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string Location);
