using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Domain.Warnings;
using ResponseMonitor.Notifications.Sinks;

namespace ResponseMonitor.Notifications.Email;

/// <summary>
/// Mails a batch over SMTP with MailKit: STARTTLS by default (refused if the relay cannot), authentication when a
/// username is set, plain text plus HTML. The Message-ID derives from the batch, so a resend after a crash is
/// recognisably the same mail. A relay with a self-signed certificate is trusted by its pinned fingerprint only.
/// </summary>
internal sealed class EmailSink(string name, SinkOptions options, QuietHours? quietHours) : INotificationSink
{
    public string Name => name;

    public string Type => SinkTypes.Email;

    public QuietHours? QuietHours => quietHours;

    public async Task SendAsync(NotificationBatch batch, CancellationToken cancellationToken)
    {
        var message = Compose(batch, options);
        using var client = new SmtpClient { Timeout = 30_000, ServerCertificateValidationCallback = ValidateCertificate };
        try
        {
            var security = options.Security == SmtpSecurity.SslOnConnect ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(options.Host!, options.Port, security, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(options.Username))
            {
                await client.AuthenticateAsync(new NetworkCredential(options.Username, options.Password), cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or AuthenticationException or SslHandshakeException or System.Net.Sockets.SocketException or IOException)
        {
            // Rethrown without the credentials or the full server dialogue.
            var detail = ex is SmtpCommandException command ? $"{(int)command.StatusCode} {command.Message}" : ex.GetType().Name;
            throw new InvalidOperationException($"Sink '{name}' (SMTP {options.Host}:{options.Port}) did not take the mail: {detail}", ex);
        }
    }

    public static MimeMessage Compose(NotificationBatch batch, SinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(options);
        var message = new MimeMessage { Subject = BatchText.Title(batch), MessageId = $"{batch.GroupId}.{batch.Sink.ToLowerInvariant()}@responsemonitor" };
        message.From.Add(MailboxAddress.Parse(options.From!));
        foreach (var to in options.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Headers.Add("X-ResponseMonitor-Channel", batch.ChannelId);
        message.Headers.Add("X-ResponseMonitor-Rule", batch.Rule);

        var text = new StringBuilder();
        var html = new StringBuilder();
        html.Append("<html><body style=\"font-family:sans-serif\"><h2>").Append(WebUtility.HtmlEncode(BatchText.Title(batch))).Append("</h2>");
        foreach (var d in batch.Deliveries)
        {
            var heading = BatchText.Heading(d, batch.Language);
            var since = BatchText.Since(d, batch.Language);
            text.AppendLine(heading).AppendLine(d.Warning.Message).AppendLine(since);
            var color = d.Event == WarningEvents.Resolved ? "#2e7d32" : BatchText.IsCritical(d) ? "#c62828" : "#ef6c00";
            html.Append("<div style=\"border-left:4px solid ").Append(color).Append(";padding:4px 12px;margin:12px 0\"><strong>")
                .Append(WebUtility.HtmlEncode(heading)).Append("</strong><p>").Append(WebUtility.HtmlEncode(d.Warning.Message))
                .Append("</p><p style=\"color:#666\">").Append(WebUtility.HtmlEncode(since)).Append("</p>");
            if (d.Warning.ItemUrl is { } url)
            {
                text.Append(WarningTexts.Label("open", batch.Language)).Append(": ").AppendLine(url);
                html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(WarningTexts.Label("open", batch.Language))).Append("</a></p>");
            }

            text.AppendLine();
            html.Append("</div>");
        }

        html.Append("</body></html>");
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;
    }

    private bool ValidateCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || string.IsNullOrWhiteSpace(options.ServerCertificateSha256))
        {
            return false;
        }

        var pinned = options.ServerCertificateSha256.Replace(":", "", StringComparison.Ordinal).Trim();
        return string.Equals(certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), pinned, StringComparison.OrdinalIgnoreCase);
    }
}
