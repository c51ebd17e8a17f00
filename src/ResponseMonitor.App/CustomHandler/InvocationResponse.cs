using System.Text.Json.Serialization;

namespace ResponseMonitor.App.CustomHandler;

/// <summary>What the app answers the Functions host: output binding values, log lines for the host's log, a return value.</summary>
public sealed class InvocationResponse
{
    [JsonPropertyName("Outputs")]
    public Dictionary<string, string?> Outputs { get; init; } = [];

    [JsonPropertyName("Logs")]
    public List<string> Logs { get; init; } = [];

    [JsonPropertyName("ReturnValue")]
    public string? ReturnValue { get; init; }
}
