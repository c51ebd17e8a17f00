using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.AzureLanguage;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AnalyzeTextRequest))]
[JsonSerializable(typeof(AnalyzeTextResponse))]
internal sealed partial class AzureLanguageJsonContext : JsonSerializerContext;
