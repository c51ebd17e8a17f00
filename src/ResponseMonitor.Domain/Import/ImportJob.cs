namespace ResponseMonitor.Domain.Import;

/// <summary>
/// A history import accepted into storage and run from a queue, so that no HTTP request has to last as long as the
/// import (Azure ends one at about 230 s). Progress is the share of the file's bytes read; the result is that of
/// <see cref="HistoryImporter"/>. <see cref="LastError"/> holds why the latest attempt stopped while it is retried.
/// </summary>
public sealed record ImportJob
{
    public required string Id { get; init; }

    public required string ChannelId { get; init; }

    public required ImportFormat Format { get; init; }

    public ImportJobState State { get; init; } = ImportJobState.Queued;

    public long BytesTotal { get; init; }

    public long BytesRead { get; init; }

    public int Attempts { get; init; }

    public ImportResult? Result { get; init; }

    public string? LastError { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
