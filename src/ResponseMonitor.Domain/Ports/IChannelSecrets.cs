namespace ResponseMonitor.Domain.Ports;

/// <summary>Per-channel secrets from configuration or Key Vault. Never logged, never stored.</summary>
public interface IChannelSecrets
{
    string? GetWebhookSecret(string channelId);

    string? GetAccessToken(string channelId);

    /// <summary>The token a platform echoes when it verifies a webhook subscription (Meta's hub.verify_token).</summary>
    string? GetWebhookVerifyToken(string channelId);

    /// <summary>The secret of the channel's own OAuth app, where the platform issues short tokens from it (Reddit).</summary>
    string? GetClientSecret(string channelId);
}
