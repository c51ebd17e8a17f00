using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.X;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(XPageDto))]
[JsonSerializable(typeof(XCursor))]
public sealed partial class XJsonContext : JsonSerializerContext;
