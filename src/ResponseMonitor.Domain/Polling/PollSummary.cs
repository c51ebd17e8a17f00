namespace ResponseMonitor.Domain.Polling;

/// <summary>What one poll cycle did.</summary>
public sealed record PollSummary(IReadOnlyList<PollOutcome> Channels, IReadOnlyList<string> AnalysisRequested)
{
    public int Failed => Channels.Count(c => !c.Succeeded);

    public int ItemsStored => Channels.Sum(c => c.ItemsStored);
}
