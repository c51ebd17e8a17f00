using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Platforms;

/// <summary>
/// Secrets a platform replaced while the monitor used them (Reddit's refresh token, which rotates; TikTok's): the new
/// value is used from then on in this process and handed to <see cref="ISecretWriter"/> so that a restart reads it too.
/// Without a vault it lives in this process only, and a warning says the setting must be updated.
/// </summary>
internal sealed partial class RotatedSecrets(ISecretWriter writer, TimeProvider time, ILogger<RotatedSecrets> logger)
{
    private readonly ConcurrentDictionary<(string ChannelId, string Secret), (string Value, DateTimeOffset IssuedAt)> _held = new();

    /// <summary>The newest value the platform issued in this process, else <paramref name="configured"/>.</summary>
    public string Current(string channelId, string secret, string configured) =>
        _held.TryGetValue((channelId, secret), out var held) ? held.Value : configured;

    /// <summary>When the platform issued the value in use, if it was rotated in this process.</summary>
    public DateTimeOffset? IssuedAt(string channelId, string secret) =>
        _held.TryGetValue((channelId, secret), out var held) ? held.IssuedAt : null;

    /// <summary>Keeps the platform's new value; true when it was also written where secrets live.</summary>
    public async Task<bool> RotateAsync(string channelId, string secret, string value, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _held[(channelId, secret)] = (value, time.GetUtcNow());
        if (!writer.Persists)
        {
            LogHeldInMemory(logger, channelId, secret);
            return false;
        }

        try
        {
            await writer.WriteAsync(channelId, secret, value, expiresAt, cancellationToken).ConfigureAwait(false);
            LogPersisted(logger, channelId, secret);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The read goes on with the new value; only a restart before the next successful write would lose it.
            LogWriteFailed(logger, channelId, secret, ex.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {ChannelId}: the platform replaced its {Secret}; with no vault configured (Secrets:VaultUri) the new one is held in this process only. After a restart the configured one is refused: authorise the app again and update Monitor:Channels:N:{Secret} (docs/CHANNELS.md, Reddit).")]
    private static partial void LogHeldInMemory(ILogger logger, string channelId, string secret);

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {ChannelId}: the platform replaced its {Secret}; the new one is stored in the vault")]
    private static partial void LogPersisted(ILogger logger, string channelId, string secret);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {ChannelId}: the platform replaced its {Secret} but the vault refused it ({Error}); it is held in this process and written again at the next rotation")]
    private static partial void LogWriteFailed(ILogger logger, string channelId, string secret, string error);
}
