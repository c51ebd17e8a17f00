using System.Text.Json;
using ResponseMonitor.Connectors.GenericFeed;
using ResponseMonitor.Connectors.Meta;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;

namespace ResponseMonitor.Connectors.Threads;

/// <summary>
/// Threads webhook deliveries (https://developers.facebook.com/documentation/threads/webhooks): unlike Graph's
/// <c>entry[].changes[]</c>, one delivery is <c>{app_id, topic, target_id, time, values: {field, value}}</c>. Field
/// <c>replies</c> (topic moderate) is a reply on the brand's media, with the id, text, username, timestamp,
/// <c>replied_to</c> and <c>root_post</c> the poller reads, so a pushed reply and its later poll are one item;
/// <c>publish</c> is the brand's own post or reply; <c>delete</c> a post the brand deleted. <c>mentions</c> are
/// acknowledged and skipped: they are not under the brand's posts. The signature (X-Hub-Signature-256 with the Threads
/// app secret, the channel's WebhookSecret) is checked by the route, and the verification handshake answered there.
/// Answered 200 like every Meta webhook, so that Meta does not send it again.
/// </summary>
internal sealed class ThreadsPushParser : IPushParser
{
    public int AcceptedStatusCode => 200;

    public ValueTask<FeedParseResult> ParseAsync(ChannelDefinition channel, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return ValueTask.FromResult(Parse(ChannelSettings.Read(channel, ThreadsSettings.Read), ThreadsConnector.Brand(channel, ChannelSettings.Read(channel, ThreadsSettings.Read)), body.Span));
    }

    internal static FeedParseResult Parse(ThreadsSettings settings, InstagramBrand brand, ReadOnlySpan<byte> body)
    {
        if (MetaWebhookParser.Json(body, out var failure) is not { } document)
        {
            return failure!;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("values", out var values) || values.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                return Fail("The body is not a Threads webhook delivery: it has no 'values'.");
            }

            var target = root.TryGetProperty("target_id", out var t) ? (t.ValueKind == JsonValueKind.Number ? t.GetRawText() : GraphApi.Text(root, "target_id")) : null;
            if (target is not null && settings.UserId != "me" && target != settings.UserId)
            {
                return new FeedParseResult([], null, null) { Skipped = [$"the delivery is for Threads user {target}, not this channel's {settings.UserId}"] };
            }

            var time = root.TryGetProperty("time", out var at) && at.ValueKind == JsonValueKind.Number && at.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
            var items = new List<ContentItem>();
            var changes = new List<ItemStateChange>();
            var skipped = new List<string>();
            foreach (var change in values.ValueKind == JsonValueKind.Array ? [.. values.EnumerateArray()] : new[] { values })
            {
                var field = change.ValueKind == JsonValueKind.Object ? GraphApi.Text(change, "field") : null;
                if (change.ValueKind != JsonValueKind.Object || GraphApi.Object(change, "value") is not { } value)
                {
                    skipped.Add($"a '{field}' change without a value");
                    continue;
                }

                switch (field)
                {
                    case "replies":
                    case "publish":
                        var rootPost = GraphApi.Object(value, "root_post") is { } r ? GraphApi.Text(r, "id") : null;
                        var repliedTo = GraphApi.Object(value, "replied_to") is { } p ? GraphApi.Text(p, "id") : null;
                        var parent = rootPost ?? repliedTo;
                        if (ThreadsConnector.ToItem(value, brand, parent) is not { } item)
                        {
                            skipped.Add($"a '{field}' change without an id or a timestamp");
                            continue;
                        }

                        // publish is the brand's own, however its username is spelt.
                        items.Add(field == "publish" ? item with { AuthorId = brand.AccountId } : item);
                        break;
                    case "delete" when GraphApi.Text(value, "id") is { } id && (GraphApi.Time(value, "deleted_at") ?? time) is { } deleted:
                        changes.Add(new ItemStateChange(id, ItemState.Deleted, deleted));
                        break;
                    default:
                        skipped.Add($"field '{field}' is not read (mentions are not under the brand's posts)");
                        break;
                }
            }

            return new FeedParseResult(items, null, null) { Skipped = skipped, StateChanges = changes };
        }
    }

    private static FeedParseResult Fail(string error) => new([], null, error);
}
