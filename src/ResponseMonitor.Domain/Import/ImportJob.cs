namespace ResponseMonitor.Domain.Import;

/// <summary>
/// A history import accepted into storage and run from a queue, so that no HTTP request has to last as long as the
/// import (Azure ends one at about 230 s). Progress is the share of the file's bytes read; the result is that of
/// <see cref="HistoryImporter"/>. <see cref="LastError"/> holds why the latest attempt stopped while it is retried.
/// </summary>
public sealed record ImportJob
{
    /// <summary>The job's id, unique within its channel.</summary>
    public required string Id { get; init; }

    /// <summary>The channel imported into.</summary>
    public required string ChannelId { get; init; }

    /// <summary>The file's format.</summary>
    public required ImportFormat Format { get; init; }

    /// <summary>Where the job is.</summary>
    public ImportJobState State { get; init; } = ImportJobState.Queued;

    /// <summary>The file's size.</summary>
    public long BytesTotal { get; init; }

    /// <summary>How far the reader has got, for progress.</summary>
    public long BytesRead { get; init; }

    /// <summary>Attempts started, the first included.</summary>
    public int Attempts { get; init; }

    /// <summary>What the import did, once completed.</summary>
    public ImportResult? Result { get; init; }

    /// <summary>Why the latest attempt stopped; null when it did not fail.</summary>
    public string? LastError { get; init; }

    /// <summary>When the file was accepted.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a worker first started it.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it completed or failed for good.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>When the job last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
