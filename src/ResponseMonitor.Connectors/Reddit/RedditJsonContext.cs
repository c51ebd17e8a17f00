using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.Reddit;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RedditCursor))]
public sealed partial class RedditJsonContext : JsonSerializerContext;
