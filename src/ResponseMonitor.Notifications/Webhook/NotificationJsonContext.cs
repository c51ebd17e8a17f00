using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResponseMonitor.Notifications.Webhook;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(WarningPayload))]
public sealed partial class NotificationJsonContext : JsonSerializerContext;
