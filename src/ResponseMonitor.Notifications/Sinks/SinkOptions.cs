namespace ResponseMonitor.Notifications.Sinks;

/// <summary>
/// One sink (<c>Notifications:Sinks:{name}:*</c>). <see cref="Url"/> (Teams and Slack URLs carry their own token),
/// <see cref="Secret"/> and <see cref="Password"/> are secrets: Key Vault references in Azure, never logged or stored.
/// </summary>
public sealed class SinkOptions
{
    /// <summary><c>webhook</c>, <c>teams</c>, <c>slack</c> or <c>email</c>.</summary>
    public string Type { get; set; } = SinkTypes.Webhook;

    /// <summary>Where webhook, Teams (a Workflows "when a webhook request is received" URL) and Slack (incoming webhook) POST.</summary>
    public string? Url { get; set; }

    /// <summary>Webhook only: HMAC-SHA256 key for <c>X-ResponseMonitor-Signature</c>. Empty: unsigned.</summary>
    public string? Secret { get; set; }

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string? From { get; set; }

    public List<string> To { get; set; } = [];

    /// <summary>Accept the relay's certificate by its SHA-256 fingerprint (hex) when it is self-signed, instead of turning checks off.</summary>
    public string? ServerCertificateSha256 { get; set; }

    public QuietHoursOptions? QuietHours { get; set; }
}
