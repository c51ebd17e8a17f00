using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.Reddit;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RedditCursor))]
[JsonSerializable(typeof(RedditTokenDto))]
internal sealed partial class RedditJsonContext : JsonSerializerContext;
