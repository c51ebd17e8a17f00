using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Domain.Conversations;

/// <summary>
/// Decides which conversation an item belongs to. A conversation ("thread") is what one member of the public
/// started and expects an answer in:
/// <list type="bullet">
/// <item>a top-level comment under a brand post, with every reply beneath it;</item>
/// <item>a post by the public (a visitor post), with every comment beneath it;</item>
/// <item>a brand post on its own (it needs no answer).</item>
/// </list>
/// A reply whose parent is unknown joins the thread named by its parent id, so later replies to the same
/// parent still meet in one thread.
/// </summary>
internal static class ThreadResolver
{
    /// <param name="item">The item to place.</param>
    /// <param name="parent">Its parent with <see cref="ContentItem.ThreadId"/> already resolved, or null when unknown.</param>
    /// <param name="channel">The channel, to tell brand posts from visitor posts.</param>
    public static string Resolve(ContentItem item, ContentItem? parent, ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(channel);

        if (item.ParentId is null)
        {
            return item.Id;
        }

        if (parent is null)
        {
            return item.ParentId;
        }

        if (parent.Kind == ItemKind.Post && channel.IsBrandAuthor(parent.AuthorId))
        {
            // A top-level comment under a brand post starts its own conversation.
            return item.Id;
        }

        return string.IsNullOrEmpty(parent.ThreadId) ? parent.Id : parent.ThreadId;
    }
}
