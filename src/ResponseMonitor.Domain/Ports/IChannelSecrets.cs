namespace ResponseMonitor.Domain.Ports;

/// <summary>Per-channel secrets from configuration or Key Vault. Never logged, never stored.</summary>
public interface IChannelSecrets
{
    /// <summary>The secret push deliveries for the channel are signed with; null when push is off.</summary>
    string? GetWebhookSecret(string channelId);

    /// <summary>The channel's access token or key; null when it needs none.</summary>
    string? GetAccessToken(string channelId);

    /// <summary>The token a platform echoes when it verifies a webhook subscription (Meta's hub.verify_token).</summary>
    string? GetWebhookVerifyToken(string channelId);

    /// <summary>The secret of the channel's own OAuth app, where the platform issues short tokens from it (Reddit).</summary>
    string? GetClientSecret(string channelId);
}
