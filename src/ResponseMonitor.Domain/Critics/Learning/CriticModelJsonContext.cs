using System.Text.Json.Serialization;

namespace ResponseMonitor.Domain.Critics.Learning;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CriticModelReport))]
internal sealed partial class CriticModelJsonContext : JsonSerializerContext;
