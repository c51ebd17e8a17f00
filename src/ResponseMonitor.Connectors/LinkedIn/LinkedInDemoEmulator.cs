using System.Text.Json.Nodes;
using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>
/// The demo's Community Management API: <c>posts</c> (the items without a parent, by the organization) and
/// <c>socialActions/{urn}/comments</c> (the items directly under that post or comment), as Rest.li collections.
/// </summary>
internal sealed class LinkedInDemoEmulator : ReadOnlyDemoEmulator
{
    protected override DemoAnswer? Get(string[] segments, DemoRequest request)
    {
        var items = request.Items;
        return segments switch
        {
            ["posts"] => Collection(items.Where(i => i.ParentId is null).Select(p => new JsonObject
            {
                ["id"] = p.Id, ["author"] = request.BrandId, ["commentary"] = p.Text, ["visibility"] = "PUBLIC", ["lifecycleState"] = "PUBLISHED",
                ["createdAt"] = p.CreatedAt.ToUnixTimeMilliseconds(), ["publishedAt"] = p.CreatedAt.ToUnixTimeMilliseconds(), ["lastModifiedAt"] = p.CreatedAt.ToUnixTimeMilliseconds(),
            })),
            ["socialActions", var target, "comments"] => Collection(items.Where(i => i.ParentId == Uri.UnescapeDataString(target)).Select(c => Comment(items, c))),
            _ => null,
        };
    }

    private static JsonObject Comment(IReadOnlyList<DemoItem> items, DemoItem c)
    {
        var post = DemoThreads.RootOf(items, c);
        var comment = new JsonObject
        {
            ["$URN"] = c.Id, ["commentUrn"] = c.Id, ["actor"] = c.AuthorId, ["object"] = post,
            ["created"] = new JsonObject { ["actor"] = c.AuthorId, ["time"] = c.CreatedAt.ToUnixTimeMilliseconds() },
            ["lastModified"] = new JsonObject { ["actor"] = c.AuthorId, ["time"] = c.CreatedAt.ToUnixTimeMilliseconds() },
            ["message"] = new JsonObject { ["text"] = c.Text, ["attributes"] = new JsonArray() },
            ["commentsSummary"] = new JsonObject { ["totalFirstLevelComments"] = items.Count(r => r.ParentId == c.Id) },
        };
        if (c.ParentId != post)
        {
            comment["parentComment"] = c.ParentId;
        }

        return comment;
    }

    private static DemoAnswer Collection(IEnumerable<JsonObject> elements)
    {
        var array = new JsonArray([.. elements.Select(e => (JsonNode)e)]);
        return DemoAnswer.Ok(new JsonObject
        {
            ["paging"] = new JsonObject { ["start"] = 0, ["count"] = 50, ["total"] = array.Count, ["links"] = new JsonArray() },
            ["elements"] = array,
        });
    }
}
