using System.Globalization;
using Microsoft.Playwright;
using ResponseMonitor.Browser.Tests.Infrastructure;

namespace ResponseMonitor.Browser.Tests;

/// <summary>The listening score and the handled button (web/listening.js) in headless chromium against the demo brand.</summary>
[Collection(DashboardCollection.Name)]
public sealed class HandledMarkPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_manager_marks_a_comment_no_reply_needed_and_it_leaves_the_waiting_list()
    {
        var page = await fixture.OpenAsync();
        try
        {
            // The brand's listening score, as the dashboard API gives it.
            var dashboard = await fixture.GetJsonAsync("/api/dashboard");
            var week = dashboard["brands"]![0]!["listening"]![0]!;
            Assert.Equal(7, week["days"]!.GetValue<int>());
            var expected = week["score"] is { } s ? s.GetValue<double>().ToString(CultureInfo.InvariantCulture) : "–";
            var shown = page.Locator("#overview-body section.brand > p.listening .listening-score[data-days='7']");
            await shown.WaitForAsync();
            Assert.Equal(expected, await shown.InnerTextAsync());
            Assert.Contains("very responsive", await page.Locator("#overview-body section.brand > p.listening").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("Listening", await page.Locator("#card-acme-blog p.listening").InnerTextAsync(), StringComparison.Ordinal);

            // Jonas's question on the blog waits; without a name the page asks for one and marks nothing.
            var comment = page.Locator("#waiting-body li.comment[data-channel='acme-blog'][data-item='bl-c4']");
            await comment.WaitForAsync();
            await page.Locator("#handled-acme-blog-bl-c4").ClickAsync();
            Assert.Contains("Enter your name", await page.Locator("#handled-status").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await comment.CountAsync());

            await page.Locator("#handled-by").FillAsync("Ana");
            await page.Locator("#handled-acme-blog-bl-c4").ClickAsync();
            await comment.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
            Assert.Contains("no reply needed", await page.Locator("#handled-status").InnerTextAsync(), StringComparison.Ordinal);

            // The API agrees: off the waiting list, marked by Ana, and still so after the page reloads its figures.
            var waiting = await fixture.GetJsonAsync("/api/unanswered?channel=acme-blog");
            Assert.DoesNotContain(waiting["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == "bl-c4");
            var mark = (await fixture.GetJsonAsync("/api/items/acme-blog/bl-c4/handled"))["mark"]!;
            Assert.Equal(("no-reply-needed", "Ana", true), (mark["reason"]!.GetValue<string>(), mark["markedBy"]!.GetValue<string>(), mark["active"]!.GetValue<bool>()));
            await page.ReloadAsync();
            await page.Locator("#waiting-body li.comment").First.WaitForAsync();
            Assert.Equal(0, await comment.CountAsync());
            Assert.Equal("Ana", await page.Locator("#handled-by").InputValueAsync());
        }
        finally
        {
            // Other tests share the demo: put the comment back.
            using var undo = await fixture.Api.DeleteAsync("/api/items/acme-blog/bl-c4/handled");
            await page.Context.CloseAsync();
        }
    }
}
