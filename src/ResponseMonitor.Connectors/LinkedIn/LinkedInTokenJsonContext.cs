using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.LinkedIn;

// The token endpoint speaks OAuth's snake_case.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(LinkedInTokenDto))]
internal sealed partial class LinkedInTokenJsonContext : JsonSerializerContext;
