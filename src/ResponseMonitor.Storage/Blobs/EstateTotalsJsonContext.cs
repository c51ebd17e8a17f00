using System.Text.Json.Serialization;
using ResponseMonitor.Domain.Estate;

namespace ResponseMonitor.Storage.Blobs;

/// <summary>The estate totals blob's JSON, generated at build.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(EstateTotals))]
internal sealed partial class EstateTotalsJsonContext : JsonSerializerContext;
