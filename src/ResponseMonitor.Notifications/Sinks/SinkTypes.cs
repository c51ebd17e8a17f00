namespace ResponseMonitor.Notifications.Sinks;

internal static class SinkTypes
{
    public const string Webhook = "webhook";
    public const string Teams = "teams";
    public const string Slack = "slack";
    public const string Email = "email";
    public const string ServiceBus = "servicebus";

    public static readonly IReadOnlyList<string> All = [Webhook, Teams, Slack, Email, ServiceBus];
}
