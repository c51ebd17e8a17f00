using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.LinkedIn;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LinkedInCollectionDto<LinkedInPostDto>))]
[JsonSerializable(typeof(LinkedInCollectionDto<LinkedInCommentDto>))]
[JsonSerializable(typeof(LinkedInCursor))]
internal sealed partial class LinkedInJsonContext : JsonSerializerContext;
