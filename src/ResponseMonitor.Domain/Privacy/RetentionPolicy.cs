namespace ResponseMonitor.Domain.Privacy;

/// <summary>How long a channel keeps what members of the public wrote (docs/PRIVACY.md).</summary>
/// <param name="Items">Posts and comments, their open copies, critic labels, warnings resolved and warning history.</param>
/// <param name="Deliveries">Notification deliveries that are done (sent or failed); pending ones stay until done.</param>
public sealed record RetentionPolicy(TimeSpan Items, TimeSpan Deliveries)
{
    /// <summary>
    /// 400 days: a year of baselines (the same month last year) survives with a month to spare; 90 days of deliveries
    /// cover a quarter's audit of who was told what.
    /// </summary>
    public static RetentionPolicy Default { get; } = new(TimeSpan.FromDays(400), TimeSpan.FromDays(90));

    /// <summary>The first instant whose items are kept, at <paramref name="now"/>.</summary>
    public DateTimeOffset ItemsFrom(DateTimeOffset now) => now - Items;

    /// <summary>The brand's own posts are not what the public wrote: retention never removes them.</summary>
    public static bool KeepsAlways(Channels.ChannelDefinition channel, Conversations.ItemKind kind, string? authorId)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return kind == Conversations.ItemKind.Post && channel.IsBrandAuthor(authorId);
    }
}
