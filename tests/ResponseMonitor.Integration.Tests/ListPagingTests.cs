using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Warnings;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// The list routes that grow with the number of channels page the same way (README.md, "Paging"): <c>limit</c>,
/// an opaque <c>after</c>, and <c>nextAfter</c> until the last page. 1,100 channels on Azurite, their rows written
/// through the storage layer: walking the pages yields every row once, in order, and the totals count them all.
/// </summary>
public sealed class ListPagingTests
{
    private const int ChannelCount = 1100;
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddDays(-1).AddTicks(-(DateTimeOffset.UtcNow.Ticks % TimeSpan.TicksPerSecond));

    [Fact]
    public async Task Over_a_thousand_channels_every_list_comes_in_pages_that_hold_each_row_once()
    {
        var feed = new Uri("http://127.0.0.1:1/feed");
        await using var app = await TestApp.StartAsync(TestApp.Merge([.. Enumerable.Range(0, ChannelCount).Select(i => TestApp.Channel(i, Id(i), feed))]));
        var ids = Enumerable.Range(0, ChannelCount).Select(Id).ToList();

        // One waiting comment and one firing warning per channel, all changed at the same instant, so that pages
        // must cut between equal times.
        var open = app.Get<IOpenCommentStore>();
        var warnings = app.Get<IWarningStore>();
        var verdict = new CriticVerdict("en", CriticLabel.NotCritical, 0, []);
        await Parallel.ForEachAsync(Enumerable.Range(0, ChannelCount), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var comment = new ContentItem { Id = "m" + i, ParentId = "p", ThreadId = "p", Kind = ItemKind.Comment, AuthorId = "u" + i, CreatedAt = T0.AddSeconds(i), Text = "hello?" };
            await open.ReplaceAsync(Id(i), [], [new OpenComment(comment, verdict)], ct);
            var warning = new WarningRecord
            {
                ChannelId = Id(i),
                Rule = WarningRules.All.First(),
                Subject = "",
                Severity = WarningSeverity.Warning,
                State = WarningState.Firing,
                Message = "paging",
                Since = T0,
                ObservedAt = T0,
                FiredAt = T0,
                UpdatedAt = T0,
            };
            Assert.True(await warnings.TryTransitionAsync(new WarningTransition(warning, "fired", Notify: false), [], ct));
        });

        // The dashboard: without paging, the first 1,000 (as before paging), then the rest; totals count all.
        var first = await app.GetJsonAsync("/api/dashboard");
        Assert.Equal(1000, first["channels"]!.AsArray().Count);
        Assert.Equal(ChannelCount, first["activeWarningCount"]!.GetValue<int>());
        Assert.Equal(ids, await WalkAsync(app, "/api/dashboard?limit=300", "channels", c => c["id"]!.GetValue<string>(), expectedPages: 4));

        // The waiting list, oldest first and by due time: every comment once.
        var oldest = await WalkAsync(app, "/api/unanswered?limit=1000", "items", c => c["channelId"]!.GetValue<string>(), expectedPages: 2);
        Assert.Equal(ids, oldest);
        var due = await WalkAsync(app, "/api/unanswered?order=due&limit=450", "items", c => c["id"]!.GetValue<string>(), expectedPages: 3);
        Assert.Equal(ChannelCount, due.Distinct().Count());
        Assert.Equal(ChannelCount, (await app.GetJsonAsync("/api/unanswered?limit=1"))["total"]!.GetValue<int>());

        // Warnings, newest first, all at one instant: the pages cut between equal times without loss or repeat.
        var listed = await WalkAsync(app, "/api/warnings?limit=400", "items", w => w["channelId"]!.GetValue<string>(), expectedPages: 3);
        Assert.Equal(ids, listed);
        var history = await WalkAsync(app, "/api/warnings/history?limit=1000", "items", h => h["channelId"]!.GetValue<string>(), expectedPages: 2);
        Assert.Equal(ids, history.Order(StringComparer.Ordinal));

        // Metrics per channel: the channels page; the total covers every channel.
        var metrics = await app.GetJsonAsync("/api/metrics");
        Assert.Equal(1000, metrics["channels"]!.AsArray().Count);
        Assert.Equal(ids, await WalkAsync(app, "/api/metrics?limit=700", "channels", c => c["channelId"]!.GetValue<string>(), expectedPages: 2));

        // A token is the route's own: edited, or from another route, it is refused and says what to send.
        var token = first["nextAfter"]!.GetValue<string>();
        foreach (var wrong in new[] { $"/api/unanswered?after={token}", "/api/dashboard?after=" + Convert.ToBase64String(Encoding.UTF8.GetBytes("[\"dashboard\",\"x\"]")), "/api/warnings?after=" + token[..^2] })
        {
            using var refused = await app.Client.GetAsync(wrong);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("'nextAfter' of this route's previous page", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private static string Id(int i) => $"c{i:D4}";

    /// <summary>Follows <c>nextAfter</c> from <paramref name="path"/> to the last page; the rows' keys in order.</summary>
    private static async Task<List<string>> WalkAsync(TestApp app, string path, string list, Func<JsonNode, string> key, int expectedPages)
    {
        var keys = new List<string>();
        var pages = 0;
        string? after = null;
        do
        {
            var page = await app.GetJsonAsync(after is null ? path : $"{path}&after={Uri.EscapeDataString(after)}");
            pages++;
            keys.AddRange(page[list]!.AsArray().Select(row => key(row!)));
            after = page["nextAfter"]?.GetValue<string>();
        }
        while (after is not null && pages < 100);

        Assert.Equal(expectedPages, pages);
        return keys;
    }
}
