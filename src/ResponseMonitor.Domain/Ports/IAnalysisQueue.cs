namespace ResponseMonitor.Domain.Ports;

/// <summary>Asks for a channel to be analysed (the AnalyzeChannel function's queue).</summary>
public interface IAnalysisQueue
{
    Task EnqueueAsync(string channelId, string reason, CancellationToken cancellationToken);
}
