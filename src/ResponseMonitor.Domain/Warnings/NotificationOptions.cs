using System.ComponentModel.DataAnnotations;

namespace ResponseMonitor.Domain.Warnings;

public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Where warnings are POSTed as JSON. Empty: warnings are recorded but not sent.</summary>
    [Url]
    public string? WebhookUrl { get; set; }

    /// <summary>First retry delay after a failed delivery; doubles each attempt up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);
}
