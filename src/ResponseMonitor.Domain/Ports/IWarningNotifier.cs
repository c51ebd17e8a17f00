using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Ports;

/// <summary>A sink for warning notifications. Throws when the sink did not acknowledge; the outbox retries.</summary>
public interface IWarningNotifier
{
    bool IsConfigured { get; }

    Task SendAsync(WarningNotification notification, CancellationToken cancellationToken);
}
