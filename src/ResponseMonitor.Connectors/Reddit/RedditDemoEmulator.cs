using System.Text.Json.Nodes;
using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.Reddit;

/// <summary>The demo's Reddit: the brand's overview, its comment replies inbox, empty mentions and self-replies, and (empty) trees.</summary>
internal sealed class RedditDemoEmulator : IDemoEmulator
{
    private const string EmptyListing = "{\"kind\":\"Listing\",\"data\":{\"children\":[],\"after\":null}}";

    public DemoAnswer? Answer(DemoRequest request)
    {
        if (request is not { Method: "GET", KeyChecked: true })
        {
            return null;
        }

        var items = request.Items;
        return request.Segments switch
        {
            ["user", var name, "overview"] => DemoAnswer.Ok(Listing(items.Where(i => i.AuthorId == name))),
            ["message", "comments"] => DemoAnswer.Ok(Listing(items.Where(i => i.AuthorId != request.BrandId && i.ParentId is not null))),
            ["message", "mentions" or "selfreply"] => DemoAnswer.Ok(EmptyListing),
            ["comments", _] => DemoAnswer.Ok("[]"),
            _ => null,
        };
    }

    private static JsonObject Listing(IEnumerable<DemoItem> items) => new()
    {
        ["kind"] = "Listing",
        ["data"] = new JsonObject
        {
            ["after"] = null,
            ["children"] = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject
            {
                ["kind"] = i.ParentId is null ? "t3" : "t1",
                ["data"] = new JsonObject
                {
                    ["name"] = i.Id, ["author"] = i.AuthorId, ["parent_id"] = i.ParentId, ["created_utc"] = i.CreatedAt.ToUnixTimeSeconds(),
                    ["body"] = i.Text, ["title"] = i.ParentId is null ? i.Text : null, ["permalink"] = "/r/demo/comments/" + i.Id, ["replies"] = "",
                },
            })]),
        },
    };
}
