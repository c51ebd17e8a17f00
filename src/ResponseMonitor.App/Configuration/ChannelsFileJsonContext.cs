using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResponseMonitor.App.Configuration;

/// <summary>Reads the channels file (<see cref="ChannelsFileReader"/>) one element at a time.</summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ChannelsFileJsonContext : JsonSerializerContext;
