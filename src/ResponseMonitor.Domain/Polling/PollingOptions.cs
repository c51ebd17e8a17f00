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

    /// <summary>A channel whose token was refused is tried again only this long after (it needs a person first).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan CredentialRetryInterval { get; set; } = TimeSpan.FromHours(6);
}
