using System.Text.Json.Nodes;
using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.X;

/// <summary>The demo's X API v2: a user's mentions and posts, and an empty recent search.</summary>
internal sealed class XDemoEmulator : ReadOnlyDemoEmulator
{
    protected override DemoAnswer? Get(string[] segments, DemoRequest request)
    {
        var items = request.Items;
        return segments switch
        {
            ["2", "users", var id, "mentions"] => DemoAnswer.Ok(Tweets(items.Where(i => i.AuthorId != id))),
            ["2", "users", var id, "tweets"] => DemoAnswer.Ok(Tweets(items.Where(i => i.AuthorId == id))),
            ["2", "tweets", "search", "recent"] => DemoAnswer.Ok("{\"meta\":{\"result_count\":0}}"),
            _ => null,
        };
    }

    private static JsonObject Tweets(IEnumerable<DemoItem> items)
    {
        var list = items.ToList();
        return new JsonObject
        {
            ["data"] = new JsonArray([.. list.Select(i => (JsonNode)new JsonObject
            {
                ["id"] = i.Id, ["author_id"] = i.AuthorId, ["created_at"] = DemoThreads.Iso(i.CreatedAt), ["text"] = i.Text,
                ["referenced_tweets"] = i.ParentId is null ? null : new JsonArray(new JsonObject { ["type"] = "replied_to", ["id"] = i.ParentId }),
            })]),
            ["includes"] = new JsonObject { ["users"] = new JsonArray([.. list.DistinctBy(i => i.AuthorId).Select(i => (JsonNode)new JsonObject { ["id"] = i.AuthorId, ["name"] = i.AuthorName, ["username"] = i.AuthorId })]) },
            ["meta"] = new JsonObject { ["result_count"] = list.Count },
        };
    }
}
