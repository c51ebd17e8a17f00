using System.Text.Json;
using ResponseMonitor.Domain.Conversations;

namespace ResponseMonitor.Connectors.Reddit;

/// <summary>
/// Reads Reddit Listings into items. Reddit's shapes are polymorphic (a comment's <c>replies</c> is the string ""
/// when empty and a Listing otherwise; <c>/comments/{id}</c> answers an array of two Listings), so this walks JSON.
/// </summary>
internal static class RedditListing
{
    /// <summary>Every t1 (comment) and t3 (submission) in a Listing, an array of Listings, or nested replies.</summary>
    public static List<ContentItem> Items(JsonElement root)
    {
        var items = new List<ContentItem>();
        Walk(root, items, null);
        return items;
    }

    /// <summary>
    /// The <c>more</c> stubs in a tree: collapsed replies, with the ids to ask <c>/api/morechildren</c> for, or, when
    /// the ids are empty, a "continue this thread" cut at depth whose parent's own tree holds the rest.
    /// </summary>
    public static List<RedditMore> MoreStubs(JsonElement root)
    {
        var stubs = new List<RedditMore>();
        WalkMore(root, stubs);
        return stubs;
    }

    /// <summary>
    /// The fullnames of deleted or removed comments and submissions in a Listing or tree: Reddit keeps them as
    /// placeholders whose author (and body) read <c>[deleted]</c>, or whose body reads <c>[removed]</c> when a
    /// moderator took them down (https://github.com/reddit-archive/reddit/wiki/JSON; praw's Comment: "[deleted]").
    /// </summary>
    public static List<string> Deleted(JsonElement root)
    {
        var ids = new List<string>();
        Walk(root, null, ids);
        return ids;
    }

    /// <summary>The Listing's <c>after</c> token, for the next (older) page.</summary>
    public static string? After(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) && data.TryGetProperty("after", out var after) && after.ValueKind == JsonValueKind.String
            ? after.GetString()
            : null;

    public static ContentItem? ToItem(string kind, JsonElement data)
    {
        var name = Text(data, "name");
        var author = Text(data, "author");
        if (name is null || author is null || author == "[deleted]" || Text(data, "body") is "[deleted]" or "[removed]"
            || !data.TryGetProperty("created_utc", out var created) || created.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        var isSubmission = kind == "t3";
        var body = isSubmission ? string.Join("\n", new[] { Text(data, "title"), Text(data, "selftext") }.Where(t => !string.IsNullOrEmpty(t))) : Text(data, "body") ?? "";
        var link = Text(data, "permalink") ?? Text(data, "context");
        return new ContentItem
        {
            Id = name,
            ParentId = isSubmission ? null : Text(data, "parent_id"),
            Kind = isSubmission ? ItemKind.Post : ItemKind.Comment,
            AuthorId = author,
            AuthorName = author,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)(created.GetDouble() * 1000)),
            EditedAt = data.TryGetProperty("edited", out var edited) && edited.ValueKind == JsonValueKind.Number ? DateTimeOffset.FromUnixTimeMilliseconds((long)(edited.GetDouble() * 1000)) : null,
            Text = body,
            Url = link is null ? null : "https://www.reddit.com" + link,
        };
    }

    /// <summary>Collects the items a Listing holds into <paramref name="items"/>, and the deleted ones' fullnames into <paramref name="deleted"/>.</summary>
    private static void Walk(JsonElement node, List<ContentItem>? items, List<string>? deleted)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var element in node.EnumerateArray())
                {
                    Walk(element, items, deleted);
                }

                break;
            case JsonValueKind.Object when node.TryGetProperty("kind", out var kind) && node.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object:
                if (kind.GetString() == "Listing" && data.TryGetProperty("children", out var children))
                {
                    Walk(children, items, deleted);
                }
                else if (kind.GetString() is "t1" or "t3")
                {
                    if (items is not null && ToItem(kind.GetString()!, data) is { } item)
                    {
                        items.Add(item);
                    }

                    if (deleted is not null && Text(data, "name") is { } name
                        && (Text(data, "author") == "[deleted]" || (Text(data, "body") ?? Text(data, "selftext")) is "[deleted]" or "[removed]"))
                    {
                        deleted.Add(name);
                    }

                    if (data.TryGetProperty("replies", out var replies) && replies.ValueKind == JsonValueKind.Object)
                    {
                        Walk(replies, items, deleted);
                    }
                }

                break;
        }
    }

    private static void WalkMore(JsonElement node, List<RedditMore> stubs)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var element in node.EnumerateArray())
                {
                    WalkMore(element, stubs);
                }

                break;
            case JsonValueKind.Object when node.TryGetProperty("kind", out var kind) && node.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object:
                if (kind.GetString() == "more")
                {
                    var children = data.TryGetProperty("children", out var ids) && ids.ValueKind == JsonValueKind.Array
                        ? ids.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).ToList()
                        : [];
                    if (Text(data, "parent_id") is { } parent)
                    {
                        stubs.Add(new RedditMore(parent, children));
                    }
                }
                else if (kind.GetString() == "Listing" && data.TryGetProperty("children", out var listed))
                {
                    WalkMore(listed, stubs);
                }
                else if (data.TryGetProperty("replies", out var replies) && replies.ValueKind == JsonValueKind.Object)
                {
                    WalkMore(replies, stubs);
                }

                break;
        }
    }

    private static string? Text(JsonElement data, string property) =>
        data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
