using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResponseMonitor.Storage.Queues;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AnalysisRequest))]
[JsonSerializable(typeof(ResponseMonitor.Domain.Polling.PollBatch))]
[JsonSerializable(typeof(ImportRequest))]
internal sealed partial class QueueJsonContext : JsonSerializerContext;
