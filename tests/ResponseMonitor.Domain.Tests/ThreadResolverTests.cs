using ResponseMonitor.Domain.Conversations;
using static ResponseMonitor.Domain.Tests.Items;

namespace ResponseMonitor.Domain.Tests;

public sealed class ThreadResolverTests
{
    private readonly ResponseMonitor.Domain.Channels.ChannelDefinition _channel = Channel("brand");

    [Fact]
    public void A_post_is_its_own_thread() => Assert.Equal("P", ThreadResolver.Resolve(Post("P", "brand", 0), null, _channel));

    [Fact]
    public void A_top_level_comment_under_a_brand_post_starts_a_thread() =>
        Assert.Equal("C", ThreadResolver.Resolve(Comment("C", "P", "u", 1), Post("P", "brand", 0) with { ThreadId = "P" }, _channel));

    [Fact]
    public void A_comment_under_a_visitor_post_joins_the_post_thread() =>
        Assert.Equal("V", ThreadResolver.Resolve(Comment("C", "V", "u", 1), Post("V", "visitor", 0) with { ThreadId = "V" }, _channel));

    [Fact]
    public void A_reply_joins_its_parent_thread() =>
        Assert.Equal("C", ThreadResolver.Resolve(Comment("R", "C2", "u", 2), Comment("C2", "C", "u", 1) with { ThreadId = "C" }, _channel));

    [Fact]
    public void A_reply_to_an_unknown_parent_joins_the_parent_id() =>
        Assert.Equal("X", ThreadResolver.Resolve(Comment("R", "X", "u", 2), null, _channel));
}
