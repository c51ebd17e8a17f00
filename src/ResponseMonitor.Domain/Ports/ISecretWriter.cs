namespace ResponseMonitor.Domain.Ports;

/// <summary>
/// Where a channel's secret goes when its platform replaces it (Reddit's rotated refresh token; TikTok's): the place
/// secrets live (Key Vault), never Table Storage or a log.
/// </summary>
public interface ISecretWriter
{
    /// <summary>Whether what is written outlives this process; false when there is nowhere to keep it (no vault).</summary>
    bool Persists { get; }

    /// <summary>Stores <paramref name="value"/> as the channel's <paramref name="secret"/> (<c>AccessToken</c>) from now on, ending at <paramref name="expiresAt"/> when the platform says.</summary>
    Task WriteAsync(string channelId, string secret, string value, DateTimeOffset? expiresAt, CancellationToken cancellationToken);
}
