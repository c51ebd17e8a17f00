using System.ComponentModel.DataAnnotations;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Notifications;

/// <summary>How the outbox delivers (<c>Notifications:*</c>). The sinks themselves are configured beside it.</summary>
public sealed class NotificationOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Notifications";

    /// <summary>Which warnings go to which sinks; none: every warning to every sink.</summary>
    public List<NotificationRoute> Routes { get; set; } = [];

    /// <summary>First retry delay after a failed delivery; doubles each attempt up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest delay between two attempts of a delivery.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts a delivery is marked failed (kept, listed, retryable by hand).</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 24;

    /// <summary>How long an instance that claimed a batch has to send it before another may.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Most notifications in one message; a larger group is sent as several.</summary>
    [Range(1, 100)]
    public int MaxBatchSize { get; set; } = 25;

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Routes.Count; i++)
        {
            if (Routes[i].Sinks.Count == 0)
            {
                yield return new ValidationResult($"Notifications:Routes:{i} names no sink.", [nameof(Routes)]);
            }

            foreach (var rule in Routes[i].Rules.Where(r => !WarningRules.All.Contains(r)))
            {
                yield return new ValidationResult($"Notifications:Routes:{i} names unknown rule '{rule}' (known: {string.Join(", ", WarningRules.All)}).", [nameof(Routes)]);
            }
        }
    }
}
