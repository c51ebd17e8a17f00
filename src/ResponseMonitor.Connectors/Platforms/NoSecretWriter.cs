using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Platforms;

/// <summary>Without a vault there is nowhere to keep a rotated secret: <see cref="RotatedSecrets"/> holds it in memory and says so.</summary>
internal sealed class NoSecretWriter : ISecretWriter
{
    public bool Persists => false;

    public Task WriteAsync(string channelId, string secret, string value, DateTimeOffset? expiresAt, CancellationToken cancellationToken) => Task.CompletedTask;
}
