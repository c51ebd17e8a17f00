namespace ResponseMonitor.Notifications.Sinks;

/// <summary>How an email sink secures its SMTP connection.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS before anything is sent; refused if the server cannot.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
