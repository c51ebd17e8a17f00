namespace ResponseMonitor.Domain.Notifications;

/// <summary>
/// What one sink receives in one message: the due notifications of one channel and rule, so ten ignored critics
/// arrive together. <see cref="GroupId"/> is the same every time the same batch is sent, for receivers to dedupe on.
/// </summary>
public sealed record NotificationBatch(
    string GroupId,
    string Sink,
    string ChannelId,
    string ChannelName,
    string Language,
    string Rule,
    IReadOnlyList<NotificationDelivery> Deliveries);
