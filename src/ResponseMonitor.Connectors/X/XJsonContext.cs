using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.X;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(XPageDto))]
[JsonSerializable(typeof(XCursor))]
internal sealed partial class XJsonContext : JsonSerializerContext;
