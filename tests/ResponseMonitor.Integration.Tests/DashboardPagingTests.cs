using System.Net;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// <c>/api/dashboard</c> pages its channel list (at most 1,000 a page) without changing what a client that does not
/// page gets from an estate of up to 1,000 channels. <c>after</c> is the opaque <c>nextAfter</c> of the page before;
/// ListPagingTests walks more than 1,000 channels and the other list routes.
/// </summary>
public sealed class DashboardPagingTests
{
    [Fact]
    public async Task Channels_come_in_pages_with_the_totals_of_all_and_no_page_means_all()
    {
        var feed = new Uri("http://127.0.0.1:1/feed");
        await using var app = await TestApp.StartAsync(TestApp.Merge(TestApp.Channel(0, "a", feed), TestApp.Channel(1, "b", feed), TestApp.Channel(2, "c", feed)));

        var all = await app.GetJsonAsync("/api/dashboard");
        Assert.Equal(["a", "b", "c"], all["channels"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.Null(all["nextAfter"]);
        // An estate of one page counts its totals live, in the same computation (DashboardTotalsTests: over a page).
        Assert.Equal(all["generatedAt"]!.GetValue<DateTimeOffset>(), all["totalsComputedAt"]!.GetValue<DateTimeOffset>());

        var first = await app.GetJsonAsync("/api/dashboard?limit=2");
        Assert.Equal(["a", "b"], first["channels"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        var after = first["nextAfter"]!.GetValue<string>();
        Assert.Equal(all["openCount"]!.GetValue<int>(), first["openCount"]!.GetValue<int>());

        var last = await app.GetJsonAsync($"/api/dashboard?limit=2&after={Uri.EscapeDataString(after)}");
        Assert.Equal(["c"], last["channels"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.Null(last["nextAfter"]);

        using var tooMany = await app.Client.GetAsync("/api/dashboard?limit=1001");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("from 1 to 1000", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var unknown = await app.Client.GetAsync("/api/dashboard?after=b");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("'nextAfter' of this route's previous page", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
