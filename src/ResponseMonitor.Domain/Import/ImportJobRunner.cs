using System.Text;
using Microsoft.Extensions.Logging;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Domain.Import;

/// <summary>
/// Runs one queued import job: streams its file through <see cref="HistoryImporter"/> (memory bounded as for the
/// synchronous import), saves the bytes read every <see cref="ProgressInterval"/>, then the result, and drops the file.
/// A failed attempt is recorded and rethrown for the queue to retry; the import upserts by id, so a rerun from the
/// start stores nothing twice. A job already completed is left alone, so a redelivered message does no harm.
/// </summary>
public sealed partial class ImportJobRunner(IImportJobStore jobs, IChannelCatalog channels, HistoryImporter importer, TimeProvider time, ILogger<ImportJobRunner> logger)
{
    /// <summary>How often the bytes read are saved while a job runs.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    /// <summary>Runs the job if it is still to do; returns it as stored after, or null when it is unknown.</summary>
    public async Task<ImportJob?> RunAsync(string channelId, string jobId, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(channelId, jobId, cancellationToken).ConfigureAwait(false);
        if (job is null || job.State is ImportJobState.Completed or ImportJobState.Failed)
        {
            LogNothingToDo(logger, channelId, jobId, job?.State.ToString() ?? "missing");
            return job;
        }

        if (channels.Find(channelId) is not { } channel)
        {
            return await FinishAsync(job with { State = ImportJobState.Failed, LastError = $"Channel '{channelId}' is no longer configured." }, cancellationToken).ConfigureAwait(false);
        }

        var now = time.GetUtcNow();
        job = job with { State = ImportJobState.Running, Attempts = job.Attempts + 1, StartedAt = job.StartedAt ?? now, BytesRead = 0, UpdatedAt = now };
        await jobs.SaveAsync(job, cancellationToken).ConfigureAwait(false);
        var content = await jobs.OpenAsync(job, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return await FinishAsync(job with { State = ImportJobState.Failed, LastError = "The uploaded file is gone." }, cancellationToken).ConfigureAwait(false);
        }

        using var counting = new CountingStream(content);
        using var reader = new StreamReader(counting, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var progress = ReportProgressAsync(job, counting, stop.Token);
        try
        {
            var result = await importer.ImportAsync(channel, reader, job.Format, cancellationToken).ConfigureAwait(false);
            await StopAsync(stop, progress).ConfigureAwait(false);
            job = await FinishAsync(job with { State = ImportJobState.Completed, BytesRead = counting.BytesRead, Result = result, LastError = null }, cancellationToken).ConfigureAwait(false);
            await jobs.DeleteContentAsync(job, cancellationToken).ConfigureAwait(false);
            LogCompleted(logger, channelId, jobId, result.Imported, result.Skipped);
            return job;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await StopAsync(stop, progress).ConfigureAwait(false);
            LogAttemptFailed(logger, channelId, jobId, job.Attempts, ex.Message);
            await jobs.SaveAsync(job with { State = ImportJobState.Queued, BytesRead = counting.BytesRead, LastError = ex.Message, UpdatedAt = time.GetUtcNow() }, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<ImportJob> FinishAsync(ImportJob job, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        job = job with { CompletedAt = now, UpdatedAt = now };
        await jobs.SaveAsync(job, cancellationToken).ConfigureAwait(false);
        return job;
    }

    private async Task ReportProgressAsync(ImportJob job, CountingStream counting, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(ProgressInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await jobs.SaveAsync(job with { BytesRead = counting.BytesRead, UpdatedAt = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Progress is a courtesy: the import goes on, and the next tick tries again.
                    LogProgressNotSaved(logger, job.ChannelId, job.Id, ex.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task StopAsync(CancellationTokenSource stop, Task progress)
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await progress.ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import job {JobId} of channel {ChannelId} has nothing to do ({State})")]
    private static partial void LogNothingToDo(ILogger logger, string channelId, string jobId, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import job {JobId} of channel {ChannelId} completed: {Imported} imported, {Skipped} skipped")]
    private static partial void LogCompleted(ILogger logger, string channelId, string jobId, long imported, long skipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import job {JobId} of channel {ChannelId} stopped on attempt {Attempts} and will be retried: {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, string channelId, string jobId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Progress of import job {JobId} of channel {ChannelId} not saved: {Error}")]
    private static partial void LogProgressNotSaved(ILogger logger, string channelId, string jobId, string error);
}
