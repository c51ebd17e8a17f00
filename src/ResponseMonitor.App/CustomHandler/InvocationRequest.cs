using System.Text.Json;

namespace ResponseMonitor.App.CustomHandler;

/// <summary>What the Functions host posts to <c>/{FunctionName}</c>: trigger and input data by binding name, and metadata.</summary>
public sealed class InvocationRequest
{
    public Dictionary<string, JsonElement>? Data { get; set; }

    public Dictionary<string, JsonElement>? Metadata { get; set; }
}
