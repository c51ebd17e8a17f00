namespace ResponseMonitor.Domain.Privacy;

/// <summary>Rows of the warnings table touched, by kind.</summary>
public sealed record WarningRowCounts(int Warnings, int History, int Deliveries)
{
    /// <summary>No rows.</summary>
    public static WarningRowCounts None { get; } = new(0, 0, 0);

    /// <summary>The two counts added up.</summary>
    public WarningRowCounts Add(WarningRowCounts other) =>
        new(Warnings + other.Warnings, History + other.History, Deliveries + other.Deliveries);
}
