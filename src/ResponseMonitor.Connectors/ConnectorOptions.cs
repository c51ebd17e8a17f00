using System.ComponentModel.DataAnnotations;

namespace ResponseMonitor.Connectors;

/// <summary>How connectors treat their sources: transient faults are retried a few times, then the next poll tries again.</summary>
public sealed class ConnectorOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Connectors";

    /// <summary>Retries of a transient fault within one request before the read fails.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>The first retry's delay; later ones back off from it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt may take before it is cancelled and retried.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one request may take with all its retries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:30:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A poll reads at most this many pages per channel; the rest waits for the next cycle.</summary>
    [Range(1, 10_000)]
    public int MaxPagesPerPoll { get; set; } = 50;
}
