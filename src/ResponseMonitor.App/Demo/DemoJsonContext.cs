using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResponseMonitor.App.Demo;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(DemoSeedDocument))]
internal sealed partial class DemoJsonContext : JsonSerializerContext;
