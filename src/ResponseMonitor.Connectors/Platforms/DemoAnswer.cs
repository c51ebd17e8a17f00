namespace ResponseMonitor.Connectors.Platforms;

/// <summary>An emulated platform's answer: a status and a JSON body.</summary>
public sealed record DemoAnswer(int StatusCode, string Json)
{
    /// <summary>A 200 answer with the node as its body.</summary>
    public static DemoAnswer Ok(System.Text.Json.Nodes.JsonNode body) => new(200, body.ToJsonString());

    /// <summary>A 200 answer with JSON text as its body.</summary>
    public static DemoAnswer Ok(string json) => new(200, json);
}
