namespace ResponseMonitor.Domain.Ports;

/// <summary>Per-channel secrets from configuration or Key Vault. Never logged, never stored.</summary>
public interface IChannelSecrets
{
    string? GetWebhookSecret(string channelId);

    string? GetAccessToken(string channelId);
}
