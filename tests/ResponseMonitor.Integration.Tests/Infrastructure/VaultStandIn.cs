using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Integration.Tests.Infrastructure;

/// <summary>
/// A vault stand-in at the <see cref="ISecretWriter"/> port: what the Key Vault writer would be handed (Key Vault's
/// SetSecret in Azure). With <paramref name="persists"/> false it stands for a deployment without a vault.
/// </summary>
internal sealed class VaultStandIn(bool persists = true) : ISecretWriter
{
    public List<(string ChannelId, string Secret, string Value, DateTimeOffset? ExpiresAt)> Written { get; } = [];

    public bool Persists => persists;

    public Task WriteAsync(string channelId, string secret, string value, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        Written.Add((channelId, secret, value, expiresAt));
        return Task.CompletedTask;
    }
}
