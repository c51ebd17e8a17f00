using System.Text.Json.Nodes;
using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Integration.Tests.EchoPlatform;

/// <summary>The demo's echo platform: the demo items as the connector's wire JSON.</summary>
public sealed class EchoDemoEmulator : IDemoEmulator
{
    public DemoAnswer? Answer(DemoRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request is { Method: "GET", KeyChecked: true, Segments: ["accounts", _, "comments"] }
            ? DemoAnswer.Ok(new JsonObject { ["comments"] = new JsonArray([.. request.Items.Select(i => (JsonNode)EchoWire.Comment(i.Id, i.ParentId, i.AuthorId, i.CreatedAt, i.Text))]) })
            : null;
    }
}
