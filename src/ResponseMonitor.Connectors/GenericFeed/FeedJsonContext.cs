using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.GenericFeed;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowTrailingCommas = false, ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(FeedPageDto))]
[JsonSerializable(typeof(GenericFeedCursor))]
public sealed partial class FeedJsonContext : JsonSerializerContext;
