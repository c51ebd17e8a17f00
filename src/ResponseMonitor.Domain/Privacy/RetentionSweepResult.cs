namespace ResponseMonitor.Domain.Privacy;

/// <summary>What one sweep deleted, over the channels that were due.</summary>
public sealed record RetentionSweepResult(int Channels, int Items, int OpenComments, int Labels, WarningRowCounts WarningRows)
{
    /// <summary>A sweep that removed nothing.</summary>
    public static RetentionSweepResult None { get; } = new(0, 0, 0, 0, WarningRowCounts.None);

    /// <summary>The two sweeps' counts added up.</summary>
    public RetentionSweepResult Add(RetentionSweepResult other) => new(
        Channels + other.Channels, Items + other.Items, OpenComments + other.OpenComments, Labels + other.Labels, WarningRows.Add(other.WarningRows));
}
