using System.Text.Json.Serialization;
using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.TikTok;

// Numbers may come as strings (create_time is typed as a string by the SDK's model); names are snake_case on the wire.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowReadingFromString, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TikTokAnswerDto<TikTokVideoPageDto>))]
[JsonSerializable(typeof(TikTokAnswerDto<TikTokCommentPageDto>))]
[JsonSerializable(typeof(TikTokAnswerDto<IssuedTokens>))]
[JsonSerializable(typeof(TikTokRefreshRequestDto))]
[JsonSerializable(typeof(TikTokCursor))]
internal sealed partial class TikTokJsonContext : JsonSerializerContext;
