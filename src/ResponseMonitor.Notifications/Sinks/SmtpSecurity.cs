namespace ResponseMonitor.Notifications.Sinks;

public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS before anything is sent; refused if the server cannot.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
