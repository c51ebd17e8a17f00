using System.Globalization;
using ResponseMonitor.Connectors.GenericFeed;

namespace ResponseMonitor.App.Demo;

/// <summary>
/// Serves the seed channels as generic feeds, with times relative to when this app started. A restart re-anchors the
/// times but keeps the ids, so re-reading the feed updates the same stored items and duplicates nothing.
/// </summary>
public sealed class DemoFeed(DemoSeedDocument seed, DemoOptions options, TimeProvider time)
{
    public DateTimeOffset Anchor { get; } = time.GetUtcNow();

    public FeedPageDto? GetPage(string channelId, DateTimeOffset? since, int offset)
    {
        var channel = seed.Channels.FirstOrDefault(c => string.Equals(c.Id, channelId, StringComparison.OrdinalIgnoreCase));
        if (channel is null)
        {
            return null;
        }

        var items = channel.Items
            .Select(i => new FeedItemDto
            {
                Id = i.Id,
                ParentId = i.ParentId,
                Kind = i.Kind ?? (i.ParentId is null ? "post" : "comment"),
                AuthorId = i.AuthorId,
                AuthorName = i.AuthorName,
                CreatedAt = Anchor - DemoSeed.ParseAgo(i.Ago),
                Text = i.Text,
                Url = $"{options.BaseUrl.TrimEnd('/')}/demo/{Uri.EscapeDataString(channel.Id)}/{Uri.EscapeDataString(i.Id)}",
            })
            .Where(i => since is null || i.CreatedAt >= since)
            .OrderBy(i => i.CreatedAt)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();

        var page = items.Skip(offset).Take(options.PageSize).ToList();
        var next = offset + options.PageSize < items.Count ? (offset + options.PageSize).ToString(CultureInfo.InvariantCulture) : null;
        return new FeedPageDto { Items = page, NextPageToken = next };
    }
}
