namespace ResponseMonitor.Domain.Ports;

/// <summary>Asks for a channel to be analysed (the AnalyzeChannel function's queue).</summary>
public interface IAnalysisQueue
{
    /// <summary>Asks for the channel to be analysed, saying why (for the logs).</summary>
    Task EnqueueAsync(string channelId, string reason, CancellationToken cancellationToken);
}
