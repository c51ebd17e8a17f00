using System.Text.Json.Serialization;

namespace ResponseMonitor.Domain.Critics.Models;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(EmbeddingCriticHead))]
public sealed partial class CriticModelsJsonContext : JsonSerializerContext;
