namespace ResponseMonitor.Domain.Privacy;

/// <summary>What one sweep deleted, over the channels that were due.</summary>
public sealed record RetentionSweepResult(int Channels, int Items, int OpenComments, int Labels, WarningRowCounts WarningRows)
{
    public static RetentionSweepResult None { get; } = new(0, 0, 0, 0, WarningRowCounts.None);

    public RetentionSweepResult Add(RetentionSweepResult other) => new(
        Channels + other.Channels, Items + other.Items, OpenComments + other.OpenComments, Labels + other.Labels, WarningRows.Add(other.WarningRows));
}
