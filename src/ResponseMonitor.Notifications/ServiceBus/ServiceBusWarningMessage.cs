namespace ResponseMonitor.Notifications.ServiceBus;

/// <summary>
/// The JSON body of one Service Bus message: one warning event, complete on its own so that a ticketing consumer needs
/// nothing else. Schema in docs/WARNINGS.md.
/// </summary>
internal sealed record ServiceBusWarningMessage(
    string NotificationId,
    string Event,
    string ChannelId,
    string ChannelName,
    string Language,
    string Rule,
    string Subject,
    string Severity,
    string State,
    string Message,
    string? ItemUrl,
    DateTimeOffset Since,
    DateTimeOffset? FiredAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset CreatedAt);
