namespace ResponseMonitor.Storage.Tables;

/// <summary>The tables, documented in docs/ARCHITECTURE.md.</summary>
internal static class TableNames
{
    public const string Items = "Items";
    public const string ChannelState = "Channels";
    public const string OpenComments = "Open";
    public const string Snapshots = "Snapshots";
    public const string Warnings = "Warnings";
    public const string Silences = "Silences";
    public const string CriticLabels = "CriticLabels";
    public const string Privacy = "Privacy";
    public const string ImportJobs = "ImportJobs";
}
