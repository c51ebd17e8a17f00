using ResponseMonitor.Domain.Import;

namespace ResponseMonitor.Domain.Ports;

/// <summary>Import jobs: the uploaded file (a blob) and the job's state and progress (a row).</summary>
public interface IImportJobStore
{
    /// <summary>Streams <paramref name="content"/> into storage, in bounded blocks, and records the job; returns it with its size.</summary>
    Task<ImportJob> CreateAsync(ImportJob job, Stream content, CancellationToken cancellationToken);

    /// <summary>Records a job for a file already uploaded to the imports container under <paramref name="blobName"/>; null when there is no such file.</summary>
    Task<ImportJob?> CreateFromUploadAsync(ImportJob job, string blobName, CancellationToken cancellationToken);

    /// <summary>A job of the channel; null when unknown.</summary>
    Task<ImportJob?> GetAsync(string channelId, string id, CancellationToken cancellationToken);

    /// <summary>Stores a job's new state.</summary>
    Task SaveAsync(ImportJob job, CancellationToken cancellationToken);

    /// <summary>The file, streamed; null when it is gone.</summary>
    Task<Stream?> OpenAsync(ImportJob job, CancellationToken cancellationToken);

    /// <summary>Drops the file once the job is done: what it held is in the tables now.</summary>
    Task DeleteContentAsync(ImportJob job, CancellationToken cancellationToken);
}
