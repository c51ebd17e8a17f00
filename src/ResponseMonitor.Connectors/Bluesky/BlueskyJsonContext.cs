using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.Bluesky;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BlueskyAuthorFeedDto))]
[JsonSerializable(typeof(BlueskyNotificationsDto))]
[JsonSerializable(typeof(BlueskySessionDto))]
[JsonSerializable(typeof(BlueskyCursor))]
[JsonSerializable(typeof(BlueskyThreadResponseDto))]
[JsonSerializable(typeof(BlueskyPreferencesDto))]
internal sealed partial class BlueskyJsonContext : JsonSerializerContext;
