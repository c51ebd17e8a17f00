using System.Globalization;
using ResponseMonitor.Connectors.GenericFeed;
using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.App.Demo;

/// <summary>
/// Serves the seed channels as generic feeds, with times relative to when this app started. A restart re-anchors the
/// times but keeps the ids, so re-reading the feed updates the same stored items and duplicates nothing.
/// </summary>
internal sealed class DemoFeed(DemoSeedDocument seed, DemoOptions options, TimeProvider time)
{
    public DateTimeOffset Anchor { get; } = time.GetUtcNow();

    public string? KindOf(string channelId) => Find(channelId)?.Kind;

    public string? BrandOf(string channelId) => Find(channelId)?.BrandAuthorIds.FirstOrDefault();

    /// <summary>The channel's items placed in time, for the emulated platforms.</summary>
    public IReadOnlyList<DemoItem>? Items(string channelId) => Find(channelId) is { } channel
        ? channel.Items.Select(i => new DemoItem(i.Id, i.ParentId, i.AuthorId, i.AuthorName, Anchor - DemoSeed.ParseAgo(i.Ago), i.Text, Link(channel.Id, i.Id), i.Kind)
        {
            DeletedAt = i.DeletedIn is null ? null : Anchor + DemoSeed.ParseAgo(i.DeletedIn),
        }).ToList()
        : null;

    private DemoChannelSeed? Find(string channelId) => seed.Channels.FirstOrDefault(c => string.Equals(c.Id, channelId, StringComparison.OrdinalIgnoreCase));

    private string Link(string channelId, string itemId) => $"{options.BaseUrl.TrimEnd('/')}/demo/{Uri.EscapeDataString(channelId)}/{Uri.EscapeDataString(itemId)}";

    public FeedPageDto? GetPage(string channelId, DateTimeOffset? since, int offset)
    {
        var channel = seed.Channels.FirstOrDefault(c => string.Equals(c.Id, channelId, StringComparison.OrdinalIgnoreCase));
        if (channel is null)
        {
            return null;
        }

        var items = channel.Items
            .Select(i => (At: Anchor - DemoSeed.ParseAgo(i.Ago), Item: i))
            .Where(x => since is null || x.At >= since)
            .OrderBy(x => x.At)
            .ThenBy(x => x.Item.Id, StringComparer.Ordinal)
            .Select(x => new FeedItemDto
            {
                Id = x.Item.Id,
                ParentId = x.Item.ParentId,
                Kind = x.Item.Kind ?? (x.Item.ParentId is null ? "post" : "comment"),
                AuthorId = x.Item.AuthorId,
                AuthorName = x.Item.AuthorName,
                CreatedAt = x.At.ToString("O", CultureInfo.InvariantCulture),
                Text = x.Item.Text,
                Url = $"{options.BaseUrl.TrimEnd('/')}/demo/{Uri.EscapeDataString(channel.Id)}/{Uri.EscapeDataString(x.Item.Id)}",
            })
            .ToList();

        var page = items.Skip(offset).Take(options.PageSize).ToList();
        var next = offset + options.PageSize < items.Count ? (offset + options.PageSize).ToString(CultureInfo.InvariantCulture) : null;
        return new FeedPageDto { Items = page, NextPageToken = next };
    }
}
