using System.Text;
using ResponseMonitor.Connectors.GenericFeed;
using ResponseMonitor.Domain.Conversations;

namespace ResponseMonitor.Domain.Tests;

public sealed class FeedParserTests
{
    private static FeedParseResult Parse(string json) => FeedParser.Parse(Encoding.UTF8.GetBytes(json), DateTimeOffset.UtcNow);

    [Fact]
    public void Reads_posts_and_comments()
    {
        var result = Parse("""
            {"items":[
              {"id":"p1","authorId":"brand","createdAt":"2026-01-10T10:00:00+01:00","text":"hello"},
              {"id":"c1","parentId":"p1","kind":"comment","authorId":"u1","authorName":"Ann","createdAt":"2026-01-10T09:30:00Z","text":"hi","url":"https://x/c1"}
            ],"nextPageToken":"abc"}
            """);

        Assert.True(result.IsValid);
        Assert.Equal("abc", result.NextPageToken);
        Assert.Equal(ItemKind.Post, result.Items[0].Kind);
        Assert.Equal(new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero), result.Items[0].CreatedAt);
        Assert.Equal(("c1", "p1", ItemKind.Comment, "Ann"), (result.Items[1].Id, result.Items[1].ParentId, result.Items[1].Kind, result.Items[1].AuthorName));
    }

    [Theory]
    [InlineData("{\"items\":[{\"id\":", "not valid feed JSON")]
    [InlineData("{\"data\":[]}", "no 'items' array")]
    [InlineData("{\"items\":[{\"id\":\"a\",\"createdAt\":\"2026-01-10T10:00:00Z\"}]}", "items[0] has no 'authorId'")]
    [InlineData("{\"items\":[{\"id\":\"a\",\"authorId\":\"u\"}]}", "items[0] has no 'createdAt'")]
    [InlineData("{\"items\":[{\"id\":\"a\",\"authorId\":\"u\",\"createdAt\":\"yesterday\"}]}", "has createdAt 'yesterday'; it must be an ISO 8601 instant with its offset")]
    [InlineData("{\"items\":[{\"id\":\"a\",\"authorId\":\"u\",\"createdAt\":\"2026-03-10T12:00:00\"}]}", "has createdAt '2026-03-10T12:00:00'; it must be an ISO 8601 instant with its offset")]
    [InlineData("{\"items\":[{\"id\":\"a\",\"parentId\":\"a\",\"authorId\":\"u\",\"createdAt\":\"2026-03-10T12:00:00Z\"}]}", "'parentId' names the item itself")]
    [InlineData("{\"items\":[{\"id\":\"a\",\"authorId\":\"u\",\"createdAt\":\"2026-01-10T10:00:00Z\",\"kind\":\"tweet\"}]}", "kind 'tweet'")]
    [InlineData("{\"items\":[{\"id\":\"a\",\"authorId\":\"u\",\"createdAt\":\"2026-01-10T10:00:00Z\",\"kind\":\"comment\"}]}", "comment without 'parentId'")]
    [InlineData("{\"items\":[{\"id\":\"ok\",\"authorId\":\"u\",\"createdAt\":\"2026-01-10T10:00:00Z\"},null]}", "items[1] is null")]
    public void Bad_input_is_named_and_makes_the_page_invalid_for_a_push(string json, string expected)
    {
        var result = Parse(json);
        Assert.False(result.IsValid);
        Assert.All(result.Items, i => Assert.Equal("ok", i.Id));   // only a good item beside a bad one survives, for a poll
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_poll_keeps_the_good_items_and_names_each_bad_one()
    {
        var result = Parse("{\"items\":[{\"id\":\"ok\",\"authorId\":\"u\",\"createdAt\":\"2026-01-10T10:00:00Z\"},{\"id\":\"x\"},null]}");

        Assert.True(result.IsReadable);
        Assert.False(result.IsValid);
        Assert.Equal(["ok"], result.Items.Select(i => i.Id));
        Assert.Equal(["items[1] has no 'authorId'.", "items[2] is null."], result.Skipped);
    }
}
