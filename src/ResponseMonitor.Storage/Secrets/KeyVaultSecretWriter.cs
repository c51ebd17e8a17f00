using Azure.Security.KeyVault.Secrets;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Storage.Secrets;

/// <summary>
/// Writes a rotated channel secret as a new version of the Key Vault secret its app setting references
/// (<c>PUT {vault}/secrets/{name}</c>, https://learn.microsoft.com/rest/api/keyvault/secrets/set-secret/set-secret;
/// the identity needs secrets/set: infra/ assigns "Key Vault Secrets Officer" on that secret alone). A versionless Key Vault reference reads the newest
/// version, so the app reads it after its next restart or reference refresh.
/// </summary>
/// <param name="client">The vault's client.</param>
/// <param name="secretNameOf">The vault secret that holds a channel's secret (<c>Monitor:Channels:N:AccessTokenSecretName</c>); null: none named.</param>
internal sealed class KeyVaultSecretWriter(SecretClient client, Func<string, string, string?> secretNameOf) : ISecretWriter
{
    public bool Persists => true;

    public async Task WriteAsync(string channelId, string secret, string value, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var name = secretNameOf(channelId, secret)
            ?? throw new InvalidOperationException($"Channel {channelId} names no vault secret for its {secret} (Monitor:Channels:N:{secret}SecretName).");
        var version = new KeyVaultSecret(name, value);
        version.Properties.ExpiresOn = expiresAt;
        version.Properties.ContentType = "rotated by the platform; written by ResponseMonitor";
        await client.SetSecretAsync(version, cancellationToken).ConfigureAwait(false);
    }
}
