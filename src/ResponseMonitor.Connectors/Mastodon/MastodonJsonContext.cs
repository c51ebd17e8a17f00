using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.Mastodon;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<MastodonStatusDto>))]
[JsonSerializable(typeof(List<MastodonNotificationDto>))]
[JsonSerializable(typeof(MastodonCursor))]
[JsonSerializable(typeof(MastodonContextDto))]
internal sealed partial class MastodonJsonContext : JsonSerializerContext;
