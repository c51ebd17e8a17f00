using System.Text.Json.Nodes;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Warnings;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// The silence and outbox list routes read their tables a storage page (1,000 rows) at a time and keep one API page
/// (<c>PageRequest.TakeAsync</c>): with more rows than a storage page, on Azurite, walking <c>nextAfter</c> yields every
/// row once, newest first, and a filter holds across pages.
/// </summary>
public sealed class StorePagingTests
{
    private const int Rows = 1_050;
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddDays(-2).AddTicks(-(DateTimeOffset.UtcNow.Ticks % TimeSpan.TicksPerSecond));

    [Fact]
    public async Task More_silences_than_a_storage_page_come_in_pages_each_once_newest_first()
    {
        await using var app = await TestApp.StartAsync();
        var silences = app.Get<ISilenceStore>();

        // Every third one expired, the others running; pairs share a creation time, so pages cut between equal times.
        await Parallel.ForEachAsync(Enumerable.Range(0, Rows), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await silences.CreateAsync(new Silence
            {
                Id = $"s{i:D4}",
                StartsAt = T0,
                EndsAt = i % 3 == 0 ? T0.AddHours(1) : DateTimeOffset.UtcNow.AddDays(1),
                CreatedBy = "test",
                CreatedAt = T0.AddSeconds(i / 2),
            }, ct));

        var all = await WalkAsync(app, "/api/silences?limit=400", expectedPages: 3);
        var expected = Enumerable.Range(0, Rows).OrderByDescending(i => i / 2).ThenBy(i => $"s{i:D4}", StringComparer.Ordinal).Select(i => $"s{i:D4}").ToList();
        Assert.Equal(expected, all);

        var expired = await WalkAsync(app, "/api/silences?status=expired&limit=100", expectedPages: 4);
        Assert.Equal(expected.Where(id => int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) % 3 == 0), expired);
    }

    [Fact]
    public async Task More_notifications_than_a_storage_page_come_in_pages_each_once_newest_first()
    {
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")));
        var warnings = app.Get<IWarningStore>();

        // 35 warnings of one channel, each fired with 30 deliveries in its transaction (two sinks), all in the outbox.
        var ids = new List<string>();
        for (var w = 0; w < 35; w++)
        {
            var warning = new WarningRecord
            {
                ChannelId = "ch", Rule = WarningRules.All.First(), Subject = $"subject-{w:D2}", Severity = WarningSeverity.Warning, State = WarningState.Firing,
                Message = "paging", Since = T0, ObservedAt = T0, FiredAt = T0, UpdatedAt = T0,
            };
            var deliveries = Enumerable.Range(0, 30).Select(d => new NotificationDelivery
            {
                Id = $"d{w:D2}-{d:D2}", Sink = d % 2 == 0 ? "team" : "mail", Event = "firing", Warning = warning,
                CreatedAt = T0.AddSeconds(w * 30 + d), NextAttemptAt = DateTimeOffset.UtcNow.AddDays(30),
                Status = DeliveryStatus.Failed,
            }).ToList();
            ids.AddRange(deliveries.Select(d => d.Id));
            Assert.True(await warnings.TryTransitionAsync(new WarningTransition(warning, "fired", Notify: true), deliveries, CancellationToken.None));
        }

        Assert.Equal(Rows, ids.Count);
        var all = await WalkAsync(app, "/api/notifications?limit=500", expectedPages: 3);
        Assert.Equal(Enumerable.Reverse(ids), all);

        var team = await WalkAsync(app, "/api/notifications?sink=team&limit=200", expectedPages: 3);
        Assert.Equal(Enumerable.Reverse(ids).Where(id => int.Parse(id[^2..], System.Globalization.CultureInfo.InvariantCulture) % 2 == 0), team);
    }

    /// <summary>Follows <c>nextAfter</c> to the last page; the rows' ids in order.</summary>
    private static async Task<List<string>> WalkAsync(TestApp app, string path, int expectedPages)
    {
        var ids = new List<string>();
        var pages = 0;
        string? after = null;
        do
        {
            JsonNode page = await app.GetJsonAsync(after is null ? path : $"{path}&after={Uri.EscapeDataString(after)}");
            pages++;
            ids.AddRange(page["items"]!.AsArray().Select(row => row!["id"]!.GetValue<string>()));
            after = page["nextAfter"]?.GetValue<string>();
        }
        while (after is not null && pages < 100);

        Assert.Equal(expectedPages, pages);
        return ids;
    }
}
