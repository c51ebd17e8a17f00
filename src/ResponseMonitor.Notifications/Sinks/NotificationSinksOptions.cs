using System.ComponentModel.DataAnnotations;
using ResponseMonitor.Domain.Calendar;
using ResponseMonitor.Notifications.ServiceBus;

namespace ResponseMonitor.Notifications.Sinks;

/// <summary>
/// The sinks, by name (<c>Notifications:Sinks</c>). <see cref="WebhookUrl"/> and <see cref="WebhookSecret"/> are the
/// one-webhook shorthand of earlier versions and of the Bicep: when set they add a sink named <c>webhook</c>.
/// Empty values (as unset app settings are) mean "not configured".
/// </summary>
internal sealed class NotificationSinksOptions : IValidatableObject
{
    public const string LegacyWebhookName = "webhook";

    public Dictionary<string, SinkOptions> Sinks { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string? WebhookUrl { get; set; }

    public string? WebhookSecret { get; set; }

    /// <summary>The configured sinks, the shorthand webhook included; sinks with nothing to send to are left out.</summary>
    public IReadOnlyDictionary<string, SinkOptions> Effective()
    {
        var sinks = Sinks
            .Where(s => !IsEmpty(s.Value))
            .ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(WebhookUrl) && !sinks.ContainsKey(LegacyWebhookName))
        {
            sinks[LegacyWebhookName] = new SinkOptions { Type = SinkTypes.Webhook, Url = WebhookUrl, Secret = WebhookSecret };
        }

        return sinks;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, sink) in Sinks.Where(s => !SinkTypes.All.Contains(s.Value.Type)))
        {
            yield return new ValidationResult($"Notifications:Sinks:{name}:Type '{sink.Type}' is not one of {string.Join(", ", SinkTypes.All)}.");
        }

        foreach (var (name, sink) in Effective().Where(s => SinkTypes.All.Contains(s.Value.Type)))
        {
            var where = $"Notifications:Sinks:{name}";

            if (sink.Type == SinkTypes.Email)
            {
                if (string.IsNullOrWhiteSpace(sink.Host) || string.IsNullOrWhiteSpace(sink.From) || sink.To.Count == 0)
                {
                    yield return new ValidationResult($"{where}: an email sink needs Host, From and at least one To.");
                }

                if (sink.Port is < 1 or > 65535)
                {
                    yield return new ValidationResult($"{where}:Port {sink.Port} is not a TCP port.");
                }
            }
            else if (sink.Type == SinkTypes.ServiceBus)
            {
                foreach (var error in ServiceBusSinkValidation.Errors(where, sink))
                {
                    yield return new ValidationResult(error);
                }
            }
            else if (!(Uri.TryCreate(sink.Url, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
            {
                // The URL itself may hold a token, so it is not repeated here.
                yield return new ValidationResult($"{where}:Url is not an absolute http(s) URL.");
            }

            if (sink.QuietHours is { } quiet)
            {
                string? error = null;
                try
                {
                    QuietHoursFactory.Create(quiet);
                }
                catch (Exception ex) when (ex is FormatException or TimeZoneNotFoundException or InvalidTimeZoneException)
                {
                    error = ex.Message;
                }

                if (error is not null)
                {
                    yield return new ValidationResult($"{where}:QuietHours: {error}");
                }
            }
        }
    }

    private static bool IsEmpty(SinkOptions s) => s.Type switch
    {
        SinkTypes.Email => false,
        SinkTypes.ServiceBus => string.IsNullOrWhiteSpace(s.ConnectionString) && string.IsNullOrWhiteSpace(s.FullyQualifiedNamespace),
        _ => string.IsNullOrWhiteSpace(s.Url) && string.IsNullOrWhiteSpace(s.Host),
    };
}
