using System.Collections.Concurrent;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Domain.Polling;

/// <summary>
/// The reports connectors made during a poll, held until the poller stores them: the latest per channel wins. A
/// report costs a storage write only when one was made, so a quiet channel's cycle is unchanged.
/// </summary>
public sealed class CredentialReports : ICredentialHealthRecorder
{
    private readonly ConcurrentDictionary<string, CredentialLifetime> _reports = new(StringComparer.Ordinal);

    public void Report(string channelId, CredentialLifetime lifetime) => _reports[channelId] = lifetime;

    public CredentialLifetime? Take(string channelId) => _reports.TryRemove(channelId, out var lifetime) ? lifetime : null;
}
