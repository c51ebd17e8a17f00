namespace ResponseMonitor.Domain.Notifications;

/// <summary>The sinks configured for this deployment.</summary>
public interface INotificationSinkCatalog
{
    IReadOnlyList<INotificationSink> Sinks { get; }

    INotificationSink? Find(string name);
}
