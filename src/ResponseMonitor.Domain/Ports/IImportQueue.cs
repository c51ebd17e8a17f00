namespace ResponseMonitor.Domain.Ports;

/// <summary>Asks for an import job to be run (the RunImport function's queue).</summary>
public interface IImportQueue
{
    Task EnqueueAsync(string channelId, string jobId, CancellationToken cancellationToken);
}
