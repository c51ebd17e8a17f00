using ResponseMonitor.Domain.Channels;
using System.Text.Json;
using ResponseMonitor.Connectors.GenericFeed;
using ResponseMonitor.Domain.Conversations;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>
/// Meta webhook deliveries: <c>object=page</c> with <c>entry[].changes[]</c> of field <c>feed</c> (posts and comments
/// added or edited), and <c>object=instagram</c> with field <c>comments</c>. Ids are the Graph ids the pollers read, so a
/// pushed comment and a later poll of it are one stored comment. Removals, hides and unhides of posts and comments
/// are state changes of stored items; reactions and other fields are acknowledged and ignored.
/// </summary>
internal static class MetaWebhookParser
{
    private static readonly string[] StoredItems = ["comment", "status", "post", "photo", "video", "share"];

    /// <summary>
    /// A delivery to <paramref name="channel"/>: only the entries of its own page (<c>pageId</c>) or account
    /// (<c>accountId</c>) are read. One Meta app has one callback URL per object, so a second page or account on the
    /// same app sends its entries here too; they are skipped and named, never stored under this channel.
    /// </summary>
    /// <param name="channel">The channel the delivery was posted to.</param>
    /// <param name="body">The delivery as received.</param>
    /// <param name="username">For Instagram, the account's username (<see cref="InstagramUsernames"/>), by which its own comments are known.</param>
    public static FeedParseResult ParseFor(ChannelDefinition channel, ReadOnlySpan<byte> body, string? username = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var setting = channel.Kind == ChannelKinds.Instagram ? InstagramConnector.AccountIdSetting : FacebookPageConnector.PageIdSetting;
        var entryId = channel.Settings.GetValueOrDefault(setting);
        var parsed = Parse(body, channel.Kind == ChannelKinds.Instagram ? "instagram" : "page", entryId);
        if (channel.Kind != ChannelKinds.Instagram || entryId is null)
        {
            return parsed;
        }

        // The brand's own comments carry a scoped id and its username: stored under the account id, as polled.
        var brand = new InstagramBrand(channel, entryId);
        brand.Learn(username);
        return parsed with { Items = [.. parsed.Items.Select(i => i with { AuthorId = brand.AuthorOf(i.AuthorId, i.AuthorName) })] };
    }

    /// <param name="body">The delivery as received.</param>
    /// <param name="expectedObject"><c>page</c> or <c>instagram</c>; null accepts either.</param>
    /// <param name="expectedEntryId">The page or account id whose entries are read; null reads all.</param>
    public static FeedParseResult Parse(ReadOnlySpan<byte> body, string? expectedObject = null, string? expectedEntryId = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException ex)
        {
            return Fail($"The body is not valid JSON: {ex.Message.Split('.')[0]}.");
        }

        using (document)
        {
            var root = document.RootElement;
            var kind = root.ValueKind == JsonValueKind.Object ? GraphApi.Text(root, "object") : null;
            if (kind is not ("page" or "instagram"))
            {
                return Fail("The body is not a Meta webhook delivery: 'object' must be 'page' or 'instagram'.");
            }

            if (expectedObject is not null && kind != expectedObject)
            {
                return Fail($"The delivery is for object '{kind}', but this channel reads '{expectedObject}' deliveries.");
            }

            if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                return Fail("The delivery has no 'entry' array.");
            }

            var items = new List<ContentItem>();
            var stateChanges = new List<ItemStateChange>();
            var skipped = new List<string>();
            foreach (var entry in entries.EnumerateArray())
            {
                var entryId = entry.ValueKind == JsonValueKind.Object ? GraphApi.Text(entry, "id") : null;
                if (!string.IsNullOrEmpty(expectedEntryId) && entryId != expectedEntryId)
                {
                    skipped.Add($"entry {entryId ?? "(no id)"} is another page or account than this channel's {expectedEntryId}");
                    continue;
                }

                var entryTime = entry.TryGetProperty("time", out var t) && t.ValueKind == JsonValueKind.Number ? DateTimeOffset.FromUnixTimeMilliseconds(t.GetInt64() > 100_000_000_000 ? t.GetInt64() : t.GetInt64() * 1000) : (DateTimeOffset?)null;
                if (!entry.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var change in changes.EnumerateArray())
                {
                    if (GraphApi.Object(change, "value") is not { } value)
                    {
                        continue;
                    }

                    if (kind == "page" && GraphApi.Text(change, "field") == "feed" && StateChange(value, entryTime) is { } stateChange)
                    {
                        stateChanges.Add(stateChange);
                        continue;
                    }

                    var item = GraphApi.Text(change, "field") switch
                    {
                        "feed" when kind == "page" => PageFeed(value),
                        "comments" when kind == "instagram" => InstagramComment(value, entryTime),
                        _ => null,
                    };
                    if (item is not null)
                    {
                        items.Add(item);
                    }
                }
            }

            return new FeedParseResult(items, null, null) { Skipped = skipped, StateChanges = stateChanges };
        }
    }

    /// <summary>
    /// A page feed change that deletes, hides or shows again a post or comment: verb <c>remove</c>, <c>hide</c> or
    /// <c>unhide</c> on item <c>comment</c>, <c>post</c> or <c>status</c> (the Page webhooks' feed field,
    /// https://developers.facebook.com/docs/graph-api/webhooks/reference/page/#feed; bottender's recorded postRemove and
    /// commentRemove). Likes and reactions removed are not items.
    /// </summary>
    private static ItemStateChange? StateChange(JsonElement value, DateTimeOffset? entryTime)
    {
        var state = GraphApi.Text(value, "verb") switch
        {
            "remove" or "delete" => ItemState.Deleted,
            "hide" => ItemState.Hidden,
            "unhide" => ItemState.Visible,
            _ => (ItemState?)null,
        };
        var what = GraphApi.Text(value, "item");
        if (state is null || what is not ("comment" or "post" or "status" or "photo" or "video" or "share"))
        {
            return null;
        }

        var id = what == "comment" ? GraphApi.Text(value, "comment_id") : GraphApi.Text(value, "post_id");
        var at = value.TryGetProperty("created_time", out var created) && created.ValueKind == JsonValueKind.Number ? DateTimeOffset.FromUnixTimeSeconds(created.GetInt64()) : entryTime;
        return id is null || at is null ? null : new ItemStateChange(id, state.Value, at.Value);
    }

    private static ContentItem? PageFeed(JsonElement value)
    {
        var verb = GraphApi.Text(value, "verb");
        var what = GraphApi.Text(value, "item");
        if (verb is not ("add" or "edited") || !StoredItems.Contains(what) || !value.TryGetProperty("created_time", out var created) || created.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        var from = GraphApi.Object(value, "from");
        var isComment = what == "comment";
        var id = isComment ? GraphApi.Text(value, "comment_id") : GraphApi.Text(value, "post_id");
        if (id is null)
        {
            return null;
        }

        var at = DateTimeOffset.FromUnixTimeSeconds(created.GetInt64());
        return new ContentItem
        {
            Id = id,
            ParentId = isComment ? GraphApi.Text(value, "parent_id") ?? GraphApi.Text(value, "post_id") : null,
            Kind = isComment ? ItemKind.Comment : ItemKind.Post,
            AuthorId = from is { } f ? GraphApi.Text(f, "id") ?? FacebookPageConnector.UnknownAuthor : FacebookPageConnector.UnknownAuthor,
            AuthorName = from is { } n ? GraphApi.Text(n, "name") : null,
            CreatedAt = at,
            EditedAt = verb == "edited" ? at : null,
            Text = GraphApi.Text(value, "message") ?? "",
        };
    }

    private static ContentItem? InstagramComment(JsonElement value, DateTimeOffset? entryTime)
    {
        var id = GraphApi.Text(value, "id");
        var media = GraphApi.Object(value, "media") is { } m ? GraphApi.Text(m, "id") : null;
        if (id is null || (media is null && GraphApi.Text(value, "parent_id") is null) || entryTime is null)
        {
            return null;
        }

        var from = GraphApi.Object(value, "from");
        return new ContentItem
        {
            Id = id,
            ParentId = GraphApi.Text(value, "parent_id") ?? media,
            Kind = ItemKind.Comment,
            AuthorId = from is { } f ? GraphApi.Text(f, "id") ?? GraphApi.Text(f, "username") ?? FacebookPageConnector.UnknownAuthor : FacebookPageConnector.UnknownAuthor,
            AuthorName = from is { } u ? GraphApi.Text(u, "username") : null,
            CreatedAt = entryTime.Value,
            Text = GraphApi.Text(value, "text") ?? "",
        };
    }

    private static FeedParseResult Fail(string error) => new([], null, error);
}
