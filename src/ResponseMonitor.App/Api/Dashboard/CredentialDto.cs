namespace ResponseMonitor.App.Api.Dashboard;

/// <summary>
/// A channel's credential as the platform last described it (never the credential): <c>state</c> is
/// <c>rejected</c>, <c>expired</c>, <c>expiring</c> (within the channel's <c>CredentialExpiryWarning</c> and renewed by a
/// person), <c>ok</c>, or <c>unknown</c> when the platform gives no end (docs/CHANNELS.md, "Credential health").
/// </summary>
internal sealed record CredentialDto(
    string State,
    DateTimeOffset? ExpiresAt,
    double? ExpiresInSeconds,
    bool? RenewedByMonitor,
    string? Source,
    DateTimeOffset? CheckedAt);
