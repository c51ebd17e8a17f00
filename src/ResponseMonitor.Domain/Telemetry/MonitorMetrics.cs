using System.Diagnostics.Metrics;

namespace ResponseMonitor.Domain.Telemetry;

/// <summary>
/// The monitor's own metrics, on the meter <see cref="MeterName"/>: what community managers and operators watch
/// (exported to Azure Monitor or the console by the app). Every measurement is tagged with the channel.
/// </summary>
public sealed class MonitorMetrics
{
    /// <summary>The meter's name, which exporters subscribe to.</summary>
    public const string MeterName = "ResponseMonitor";

    private readonly Counter<long> _ingested;
    private readonly Counter<long> _pollFailures;
    private readonly Counter<long> _warningsRaised;
    private readonly Gauge<int> _open;
    private readonly Gauge<double> _oldestOpenAge;

    /// <summary>Creates the instruments on the host's meter factory.</summary>
    public MonitorMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _ingested = meter.CreateCounter<long>("responsemonitor.comments.ingested", "{item}", "Posts and comments stored, by poll or push");
        _pollFailures = meter.CreateCounter<long>("responsemonitor.poll.failures", "{poll}", "Channel polls that failed; the cursor was kept");
        _warningsRaised = meter.CreateCounter<long>("responsemonitor.warnings.raised", "{warning}", "Warnings raised");
        _open = meter.CreateGauge<int>("responsemonitor.comments.open", "{comment}", "Public messages waiting for an answer at the last analysis");
        _oldestOpenAge = meter.CreateGauge<double>("responsemonitor.comments.oldest_open_age", "s", "Age of the oldest waiting message at the last analysis");
    }

    /// <summary>Counts items stored for the channel.</summary>
    public void Ingested(string channelId, int count) => _ingested.Add(count, Channel(channelId));

    /// <summary>Counts a failed poll of the channel.</summary>
    public void PollFailed(string channelId) => _pollFailures.Add(1, Channel(channelId));

    /// <summary>Counts a warning that fired on the channel.</summary>
    public void WarningRaised(string channelId, string rule) =>
        _warningsRaised.Add(1, new KeyValuePair<string, object?>("channel", channelId), new KeyValuePair<string, object?>("rule", rule));

    /// <summary>Records the channel's waiting comments and the age of the oldest after an analysis.</summary>
    public void Analysed(string channelId, int open, TimeSpan? oldestOpenAge)
    {
        _open.Record(open, Channel(channelId));
        _oldestOpenAge.Record(oldestOpenAge?.TotalSeconds ?? 0, Channel(channelId));
    }

    private static KeyValuePair<string, object?> Channel(string channelId) => new("channel", channelId);
}
