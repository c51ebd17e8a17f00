using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.Platforms;

// Token endpoints speak OAuth's snake_case.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(IssuedTokens))]
internal sealed partial class OAuthJsonContext : JsonSerializerContext;
