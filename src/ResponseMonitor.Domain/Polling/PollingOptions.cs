using System.ComponentModel.DataAnnotations;

namespace ResponseMonitor.Domain.Polling;

public sealed class PollingOptions
{
    public const string SectionName = "Polling";

    /// <summary>How many channels are polled at once.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>A channel with no new data is still re-analysed this often, so that ages and silence keep counting.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(15);
}
