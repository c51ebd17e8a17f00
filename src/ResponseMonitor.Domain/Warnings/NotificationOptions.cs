using System.ComponentModel.DataAnnotations;

namespace ResponseMonitor.Domain.Warnings;

public sealed class NotificationOptions : IValidatableObject
{
    public const string SectionName = "Notifications";

    /// <summary>Where warnings are POSTed as JSON. Empty (as an unset app setting is): warnings are recorded but not sent.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// Key for <c>X-ResponseMonitor-Signature: sha256=HMAC(key, "{timestamp}.{body}")</c>, sent with
    /// <c>X-ResponseMonitor-Timestamp</c> (Unix seconds) so receivers can refuse forgeries and replays. Empty: unsigned.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>First retry delay after a failed delivery; doubles each attempt up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(WebhookUrl)
            && !(Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
        {
            yield return new ValidationResult($"Notifications:WebhookUrl '{WebhookUrl}' is not an absolute http(s) URL.", [nameof(WebhookUrl)]);
        }
    }
}
