using System.Globalization;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Notifications.Sinks;

/// <summary>The words every chat and mail sink shows for a notification, in the batch's language.</summary>
internal static class BatchText
{
    public static string Title(NotificationBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return WarningTexts.Title(batch.Deliveries.Count, batch.ChannelName, batch.Language);
    }

    /// <summary>"Warning · critical", "Resolved · warning".</summary>
    public static string Heading(NotificationDelivery delivery, string language)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return $"{WarningTexts.Label(delivery.Event, language)} · {delivery.Warning.Severity.ToString().ToLowerInvariant()} · {delivery.Warning.Rule}";
    }

    public static string Since(NotificationDelivery delivery, string language) => $"{WarningTexts.Label("since", language)} {SinceTime(delivery)}";

    /// <summary>"2026-03-10 06:00 UTC": when the condition began.</summary>
    public static string SinceTime(NotificationDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return delivery.Warning.Since.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
    }

    public static bool IsCritical(NotificationDelivery delivery) =>
        delivery?.Warning.Severity == WarningSeverity.Critical && delivery.Event != WarningEvents.Resolved;
}
