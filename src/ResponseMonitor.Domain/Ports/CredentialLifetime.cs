namespace ResponseMonitor.Domain.Ports;

/// <summary>
/// What a platform said, at <paramref name="CheckedAt"/>, about how long a channel's credential lasts. Never the
/// credential itself.
/// </summary>
/// <param name="CheckedAt">When the platform said it.</param>
/// <param name="ExpiresAt">When the credential ends; null when the platform gives no end (a token that does not expire).</param>
/// <param name="RenewedByMonitor">True when the monitor renews it by itself (a refresh token, an app password); false when a person must.</param>
/// <param name="Source">Which credential and where its end comes from, for people: "Meta debug_token (PAGE token)".</param>
public sealed record CredentialLifetime(DateTimeOffset CheckedAt, DateTimeOffset? ExpiresAt, bool RenewedByMonitor, string Source);
