using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.YouTube;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(YouTubeListDto<YouTubeThreadDto>))]
[JsonSerializable(typeof(YouTubeListDto<YouTubeCommentDto>))]
[JsonSerializable(typeof(YouTubeCursor))]
internal sealed partial class YouTubeJsonContext : JsonSerializerContext;
