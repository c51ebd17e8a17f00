namespace ResponseMonitor.Notifications.Sinks;

/// <summary>
/// One sink (<c>Notifications:Sinks:{name}:*</c>). <see cref="Url"/> (Teams and Slack URLs carry their own token),
/// <see cref="Secret"/>, <see cref="Password"/> and <see cref="ConnectionString"/> are secrets: Key Vault references in Azure, never logged or stored.
/// </summary>
public sealed class SinkOptions
{
    /// <summary><c>webhook</c>, <c>teams</c>, <c>slack</c>, <c>email</c> or <c>servicebus</c>.</summary>
    public string Type { get; set; } = SinkTypes.Webhook;

    /// <summary>Where webhook, Teams (a Workflows "when a webhook request is received" URL) and Slack (incoming webhook) POST.</summary>
    public string? Url { get; set; }

    /// <summary>Webhook only: HMAC-SHA256 key for <c>X-ResponseMonitor-Signature</c>. Empty: unsigned.</summary>
    public string? Secret { get; set; }

    /// <summary>Email: the SMTP server's host name.</summary>
    public string? Host { get; set; }

    /// <summary>Email: the SMTP server's port.</summary>
    public int Port { get; set; } = 587;

    /// <summary>Email: how the SMTP connection is secured.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Email: the SMTP user name; empty sends without authenticating.</summary>
    public string? Username { get; set; }

    /// <summary>Email: the SMTP password (a secret).</summary>
    public string? Password { get; set; }

    /// <summary>Email: the sender address.</summary>
    public string? From { get; set; }

    /// <summary>Email: the recipients.</summary>
    public List<string> To { get; set; } = [];

    /// <summary>Accept the relay's certificate by its SHA-256 fingerprint (hex) when it is self-signed, instead of turning checks off.</summary>
    public string? ServerCertificateSha256 { get; set; }

    /// <summary>Service Bus: the namespace's host (<c>acme.servicebus.windows.net</c>), reached with a managed identity.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>Service Bus: a connection string instead of an identity (a Key Vault reference in Azure).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Service Bus: the queue or topic; may be left out when the connection string has an <c>EntityPath</c>.</summary>
    public string? QueueOrTopic { get; set; }

    /// <summary>Service Bus: client id of a user-assigned managed identity; empty uses DefaultAzureCredential.</summary>
    public string? ClientId { get; set; }

    /// <summary>When this sink holds its notifications back; null: never.</summary>
    public QuietHoursOptions? QuietHours { get; set; }
}
