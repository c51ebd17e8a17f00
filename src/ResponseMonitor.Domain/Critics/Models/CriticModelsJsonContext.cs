using System.Text.Json.Serialization;

namespace ResponseMonitor.Domain.Critics.Models;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(EmbeddingCriticHead))]
internal sealed partial class CriticModelsJsonContext : JsonSerializerContext;
