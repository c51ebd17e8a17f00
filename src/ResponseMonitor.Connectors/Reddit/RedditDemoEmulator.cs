using System.Text.Json.Nodes;
using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.Reddit;

/// <summary>
/// The demo's Reddit, in Reddit's wire format (https://github.com/reddit-archive/reddit/wiki/JSON): the brand's
/// overview, its comment-replies and self-reply inboxes, empty mentions, and each submission's comment tree
/// (<c>/comments/{article}</c>: a Listing with the submission, then a Listing of its comments, each comment's
/// <c>replies</c> a nested Listing, or <c>""</c> when it has none). A demo item past its <see cref="DemoItem.DeletedAt"/>
/// leaves the listings and stays in its tree as Reddit leaves a deleted comment: author and body <c>[deleted]</c>.
/// </summary>
internal sealed class RedditDemoEmulator : IDemoEmulator
{
    private const string EmptyListing = "{\"kind\":\"Listing\",\"data\":{\"children\":[],\"after\":null}}";
    private const string Deleted = "[deleted]";

    public DemoAnswer? Answer(DemoRequest request)
    {
        if (request is not { Method: "GET", KeyChecked: true })
        {
            return null;
        }

        var live = request.Items.Where(i => !i.IsDeletedAt(request.Now)).ToList();
        return request.Segments switch
        {
            ["user", var name, "overview"] => DemoAnswer.Ok(Listing(live.Where(i => i.AuthorId == name).OrderByDescending(i => i.CreatedAt).Select(i => Thing(i, request.Now)))),
            ["message", "comments"] => DemoAnswer.Ok(Listing(RepliesToBrand(request, live, "t1").Select(i => Thing(i, request.Now)))),
            ["message", "selfreply"] => DemoAnswer.Ok(Listing(RepliesToBrand(request, live, "t3").Select(i => Thing(i, request.Now)))),
            ["message", "mentions"] => DemoAnswer.Ok(EmptyListing),
            ["comments", var article] => Tree(request.Items, "t3_" + article, request.Now),
            _ => null,
        };
    }

    /// <summary>The public's replies to the brand's comments (<c>t1</c>: the comment-replies inbox) or submissions (<c>t3</c>: self-replies).</summary>
    private static IEnumerable<DemoItem> RepliesToBrand(DemoRequest request, List<DemoItem> live, string parentKind) =>
        live.Where(i => i.AuthorId != request.BrandId && i.ParentId is not null && i.ParentId.StartsWith(parentKind + "_", StringComparison.Ordinal)
            && request.Items.Any(p => p.Id == i.ParentId && p.AuthorId == request.BrandId)).OrderByDescending(i => i.CreatedAt);

    /// <summary>[the submission's Listing, its comments' Listing]; an unknown submission answers 404, as Reddit does.</summary>
    private static DemoAnswer? Tree(IReadOnlyList<DemoItem> items, string submissionId, DateTimeOffset now)
    {
        if (items.FirstOrDefault(i => i.Id == submissionId && i.ParentId is null) is not { } submission)
        {
            return new DemoAnswer(404, "{\"message\":\"Not Found\",\"error\":404}");
        }

        var answer = new JsonArray(Listing([Thing(submission, now)]), Listing(Replies(items, submissionId, now)));
        return DemoAnswer.Ok(answer);
    }

    /// <summary>The comments under <paramref name="parentId"/>, newest first (<c>sort=new</c>), each with its own replies nested.</summary>
    private static IEnumerable<JsonNode> Replies(IReadOnlyList<DemoItem> items, string parentId, DateTimeOffset now) =>
        items.Where(i => i.ParentId == parentId && i.CreatedAt <= now).OrderByDescending(i => i.CreatedAt).Select(i =>
        {
            var thing = Thing(i, now);
            var replies = Replies(items, i.Id, now).ToList();
            thing["data"]!["replies"] = replies.Count == 0 ? "" : Listing(replies);
            return thing;
        });

    private static JsonObject Thing(DemoItem item, DateTimeOffset now)
    {
        var deleted = item.IsDeletedAt(now);
        var submission = item.ParentId is null;
        return new JsonObject
        {
            ["kind"] = submission ? "t3" : "t1",
            ["data"] = new JsonObject
            {
                ["name"] = item.Id,
                ["id"] = Short(item.Id),
                ["author"] = deleted ? Deleted : item.AuthorId,
                ["parent_id"] = item.ParentId,
                ["created_utc"] = item.CreatedAt.ToUnixTimeSeconds(),
                ["body"] = submission ? null : deleted ? Deleted : item.Text,
                ["title"] = submission ? item.Text : null,
                ["selftext"] = submission ? "" : null,
                ["permalink"] = "/r/demo/comments/" + Short(item.Id),
                ["replies"] = "",
            },
        };
    }

    /// <summary>An id without its kind prefix: t1_abc is abc.</summary>
    private static string Short(string fullname) => fullname.IndexOf('_', StringComparison.Ordinal) is var at and >= 0 ? fullname[(at + 1)..] : fullname;

    private static JsonObject Listing(IEnumerable<JsonNode> children) => new()
    {
        ["kind"] = "Listing",
        ["data"] = new JsonObject { ["after"] = null, ["before"] = null, ["children"] = new JsonArray([.. children]) },
    };
}
