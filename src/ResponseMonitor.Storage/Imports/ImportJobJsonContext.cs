using System.Text.Json;
using System.Text.Json.Serialization;
using ResponseMonitor.Domain.Import;

namespace ResponseMonitor.Storage.Imports;

/// <summary>An import job's row holds its result (counts and the first bad lines) as JSON.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ImportResult))]
internal sealed partial class ImportJobJsonContext : JsonSerializerContext;
