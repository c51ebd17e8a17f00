using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.Threads;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ThreadsTokenDto))]
internal sealed partial class ThreadsJsonContext : JsonSerializerContext;
