using System.Text.Json;
using System.Text.Json.Serialization;
using ResponseMonitor.Notifications.ServiceBus;

namespace ResponseMonitor.Notifications.Webhook;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(WebhookPayload))]
[JsonSerializable(typeof(ServiceBusWarningMessage))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
