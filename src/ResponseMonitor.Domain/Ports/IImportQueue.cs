namespace ResponseMonitor.Domain.Ports;

/// <summary>Asks for an import job to be run (the RunImport function's queue).</summary>
public interface IImportQueue
{
    /// <summary>Asks for an accepted import job to be run.</summary>
    Task EnqueueAsync(string channelId, string jobId, CancellationToken cancellationToken);
}
