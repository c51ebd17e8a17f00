using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.Meta;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(MetaCursor))]
internal sealed partial class MetaJsonContext : JsonSerializerContext;
