using System.ComponentModel.DataAnnotations;

namespace ResponseMonitor.App.Standalone;

/// <summary>
/// The queue trigger's settings, read from host.json's <c>extensions:queues</c> so that standalone and Azure behave
/// alike. Defaults are the Functions host's.
/// </summary>
internal sealed class QueueListenerOptions
{
    public const string SectionName = "extensions:queues";

    [Range(1, 32)]
    public int BatchSize { get; set; } = 16;

    /// <summary>Longest wait between polls of an empty queue; waits grow from 100 ms to this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a failed message stays invisible before it is retried.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>After this many failed deliveries a message moves to <c>&lt;queue&gt;-poison</c>.</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    public static TimeSpan MinPollingInterval { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Standalone only (not a host.json setting): how long a received message is hidden while it is processed, renewed
    /// every half lease while it runs, as the host does. After a process dies, its messages reappear within this.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ProcessingLease { get; set; } = TimeSpan.FromMinutes(10);
}
