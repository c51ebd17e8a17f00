using ResponseMonitor.Domain.Polling;

namespace ResponseMonitor.Domain.Ports;

/// <summary>Hands poll work to whichever instance takes it first (the PollChannel function's queue).</summary>
public interface IPollQueue
{
    /// <param name="batch">The channels to poll and the cycle they belong to.</param>
    /// <param name="delay">How long the message stays invisible first (zero: at once).</param>
    /// <param name="cancellationToken">Ends the send.</param>
    Task EnqueueAsync(PollBatch batch, TimeSpan delay, CancellationToken cancellationToken);
}
