using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResponseMonitor.Notifications.Webhook;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(WebhookPayload))]
public sealed partial class NotificationJsonContext : JsonSerializerContext;
