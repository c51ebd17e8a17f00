using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.GenericFeed;

/// <summary>Source-generated JSON for the generic feed's pages and its cursor.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowTrailingCommas = false, ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(FeedPageDto))]
[JsonSerializable(typeof(GenericFeedCursor))]
public sealed partial class FeedJsonContext : JsonSerializerContext;
