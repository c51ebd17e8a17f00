using System.ComponentModel.DataAnnotations;

namespace ResponseMonitor.App.Configuration;

/// <summary><c>Monitor:Retention</c>: how long what the public wrote is kept (docs/PRIVACY.md).</summary>
internal sealed class RetentionOptions
{
    public const int MinDays = 1;
    public const int MaxDays = 3650;

    /// <summary>Items, open copies, labels, resolved warnings and history, in days; channels and brands may set their own.</summary>
    [Range(MinDays, MaxDays)]
    public int Days { get; set; } = (int)Domain.Privacy.RetentionPolicy.Default.Items.TotalDays;

    /// <summary>Notification deliveries that are done (sent or failed), in days.</summary>
    [Range(MinDays, MaxDays)]
    public int DeliveryDays { get; set; } = (int)Domain.Privacy.RetentionPolicy.Default.Deliveries.TotalDays;

    /// <summary>Days per brand, for the brand's channels without their own <c>RetentionDays</c>.</summary>
    public Dictionary<string, int> Brands { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Problems()
    {
        foreach (var (brand, days) in Brands)
        {
            if (days is < MinDays or > MaxDays)
            {
                yield return $"Retention:Brands:{brand} must be from {MinDays} to {MaxDays} days, not {days}.";
            }
        }
    }
}
