using System.ComponentModel.DataAnnotations;

namespace ResponseMonitor.Domain.Polling;

/// <summary><c>Polling:*</c>: how often and how many channels are polled.</summary>
public sealed class PollingOptions
{
    /// <summary>The configuration section these options bind to.</summary>
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

    /// <summary>
    /// Channels per poll message. More amortises a message's fixed transactions (its state query, claim, queue send,
    /// receive and delete) over more channels; fewer spreads a cycle over more instances.
    /// </summary>
    [Range(1, 100)]
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// How long a poller's claim on its batch's channels lasts if it dies without releasing it: another instance polls
    /// them after this. Keep it at or under the queue's processing lease (10 minutes), so the redelivered message finds
    /// the claim lapsed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A channel with its own cadence is due this share of its interval early, so a cycle's jitter does not skip it a whole cycle.</summary>
    public const double CadenceTolerance = 0.1;
}
