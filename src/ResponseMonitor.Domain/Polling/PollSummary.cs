namespace ResponseMonitor.Domain.Polling;

/// <summary>What one poll cycle did.</summary>
public sealed record PollSummary(IReadOnlyList<PollOutcome> Channels, IReadOnlyList<string> AnalysisRequested)
{
    /// <summary>Channels whose poll failed.</summary>
    public int Failed => Channels.Count(c => !c.Succeeded);

    /// <summary>Items stored over all channels.</summary>
    public int ItemsStored => Channels.Sum(c => c.ItemsStored);
}
