namespace ResponseMonitor.Domain.Notifications;

/// <summary>The sinks configured for this deployment.</summary>
public interface INotificationSinkCatalog
{
    /// <summary>Every configured sink.</summary>
    IReadOnlyList<INotificationSink> Sinks { get; }

    /// <summary>The sink with this name; null when none is configured.</summary>
    INotificationSink? Find(string name);
}
