using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using ResponseMonitor.Browser.Tests.Infrastructure;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Browser.Tests;

/// <summary>
/// The page built around "what do I answer next": the list across channels in breach order, channels and warnings by
/// urgency, the wall on one 1080p screen, the per-day chart against the API, the key dialog's Escape, touch targets,
/// and words a person uses. Debian's chromium through Playwright against the demo brand.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class WorkFirstTests(DashboardFixture fixture)
{
    private static readonly BrowserNewContextOptions Laptop = new() { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } };
    private static readonly Dictionary<string, int> Severity = new() { ["critical"] = 3, ["warning"] = 2, ["info"] = 1 };

    private static string Screenshot(string name) => Path.Combine(DashboardFixture.ArtifactsFolder, name + ".png");

    [Fact]
    public async Task Answer_next_lists_every_channel_in_breach_order_first_on_the_page()
    {
        var page = await fixture.OpenAsync(Laptop);
        var api = (await fixture.GetJsonAsync("/api/unanswered?order=due&limit=12"))["items"]!.AsArray();
        var rows = page.Locator("#next-body .next-item");

        // The same comments as the API's due order, soonest breach first, breached (a due time already past) first.
        Assert.Equal(api.Select(i => i!["id"]!.GetValue<string>()), await rows.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.item)"));
        var due = api.Where(i => i!["dueAt"] is not null).Select(i => i!["dueAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(due.Order(), due);
        Assert.True(api.Count >= 4 && api[0]!["dueInSeconds"]!.GetValue<double>() < 0, "the demo's first comment to answer is already overdue");
        Assert.True(api.Select(i => i!["channelId"]!.GetValue<string>()).Distinct().Count() > 1, "one list across channels");

        // It is the first thing on the page: above the channels, and its first row within the first screen.
        var first = await rows.First.BoundingBoxAsync();
        Assert.True(first!.Y + first.Height < 900, $"the first comment to answer ends at {first.Y + first.Height} px");
        Assert.True(first.Y < (await page.Locator("#overview").BoundingBoxAsync())!.Y);

        // Each row: overdue or time left, who, where, how long in words, cues in words, and an answer link named for the platform.
        var facebook = rows.Filter(new LocatorFilterOptions { Has = page.Locator("a.answer") }).Filter(new LocatorFilterOptions { HasText = "Facebook" }).First;
        Assert.Matches(@"^Critic waiting \d+ (days|hours)$", await facebook.Locator(".headline").InnerTextAsync());
        Assert.Equal("Answer on Facebook", (await facebook.Locator("a.answer").InnerTextAsync()).Trim());
        Assert.Matches(@"^(Overdue by .+|.+ left)$", (await facebook.Locator(".due-badge").InnerTextAsync()).Trim());
        Assert.NotEqual("", (await facebook.Locator(".who").InnerTextAsync()).Trim());
        Assert.Contains("Acme Outdoor on Facebook", await facebook.Locator(".where").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await facebook.Locator(".cue").CountAsync() > 0);
        // A place for another module's button on each waiting comment and each channel card.
        Assert.Equal(await rows.CountAsync(), await page.Locator("#next-body .slot[data-slot=comment]").CountAsync());
        Assert.Equal(await page.Locator(".card").CountAsync(), await page.Locator(".card .slot[data-slot=channel]").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("answer-next") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Channels_are_sorted_by_urgency_and_critical_warnings_come_first()
    {
        var page = await fixture.OpenAsync(Laptop);
        var dashboard = (await fixture.GetJsonAsync("/api/dashboard"))["channels"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>());
        var order = await page.Locator(".card").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.channel)");
        int Worst(string id) => dashboard[id]!["activeWarnings"]!.AsArray().Select(w => Severity[w!["severity"]!.GetValue<string>()]).DefaultIfEmpty(0).Max();
        var ranks = order.Select(id => (Worst(id), dashboard[id]!["criticalOpenCount"]!.GetValue<int>())).ToList();
        Assert.Equal(ranks.OrderByDescending(r => r.Item1).ThenByDescending(r => r.Item2), ranks);
        Assert.Equal("acme-facebook", order[0]);

        await page.Locator("#warnings-body .warning").First.WaitForAsync();
        var active = await page.Locator("#warnings-body .warning.state-firing").EvaluateAllAsync<string[]>("els => els.map(e => [...e.classList].find(c => c.startsWith('sev-')).slice(4))");
        var severities = active.Select(s => Severity[s]).ToList();
        Assert.Equal(severities.OrderDescending(), severities);
        Assert.Contains(3, severities);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_page_speaks_in_words_and_draws_its_own_icons()
    {
        var page = await fixture.OpenAsync(Laptop);
        await page.Locator("#warnings-body .warning").First.WaitForAsync();
        var text = await page.Locator("body").InnerTextAsync();
        foreach (var code in new[] { "builtin", "facebook-page", "critic-ignored", "firing", "Open on", "positive:", "negative:", "complaint:", "⌛", "⚠", "✖", "⏸", "◌", "◔" })
        {
            Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        }

        Assert.Contains("critics judged by the built-in detector", text, StringComparison.Ordinal);
        Assert.Contains("Critic waiting", await page.Locator("#warnings-body .warning[data-rule='critic-ignored']").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Facebook", await page.Locator("#card-acme-facebook .kind").InnerTextAsync());
        Assert.True(await page.Locator("#card-acme-facebook .flag svg.icon").CountAsync() > 0);

        // The token line says one thing: the access ends on a date, renewed by a person; never "does not expire" beside it.
        var credential = await page.Locator("#card-acme-facebook .credential").InnerTextAsync();
        Assert.Matches("^Access ends .+, renewed by a person$", credential.Trim());
        Assert.DoesNotContain("does not expire", credential, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_wall_shows_every_critic_and_breach_on_one_1080p_screen_without_scrolling()
    {
        var page = await fixture.OpenAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } }, "/?wall=1");
        var waiting = (await fixture.GetJsonAsync("/api/unanswered?order=due&limit=1000"))["items"]!.AsArray();
        var expected = waiting.Where(i => i!["critical"]!.GetValue<bool>() || i["dueInSeconds"]?.GetValue<double>() < 0).Select(i => i!["id"]!.GetValue<string>()).ToList();
        Assert.True(expected.Count is >= 4 and <= 8, $"{expected.Count} critics and breaches in the demo");

        var size = await page.EvaluateAsync<JsonElement>("() => ({ scroll: document.documentElement.scrollHeight, height: innerHeight, width: document.documentElement.scrollWidth })");
        Assert.True(size.GetProperty("scroll").GetInt32() <= 1080, $"the wall scrolls: {size}");
        Assert.True(size.GetProperty("width").GetInt32() <= 1920, $"the wall scrolls sideways: {size}");
        Assert.Equal(expected, await page.Locator("#next-body .next-item").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.item)"));
        var boxes = await page.Locator("#next-body .next-item, .card").EvaluateAllAsync<JsonElement>("els => els.map(e => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; })");
        foreach (var box in boxes.EnumerateArray())
        {
            Assert.True(box.GetProperty("top").GetDouble() >= 0 && box.GetProperty("bottom").GetDouble() <= 1080, $"off screen: {box}");
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("wall-1080p") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_first_response_chart_draws_each_day_as_the_api_counts_it_in_the_channels_time_zone()
    {
        var page = await fixture.OpenAsync(Laptop);
        await page.Locator("#chart-frt svg").WaitForAsync();
        var daily = (await fixture.GetJsonAsync("/api/metrics/daily?days=30"))["days"]!.AsArray();
        var expected = daily
            .Where(d => d!["metrics"]!["firstResponse"]!["wall"]!["medianSeconds"] is not null)
            .Select(d => (d!["date"]!.GetValue<string>(), Math.Round(d["metrics"]!["firstResponse"]!["wall"]!["medianSeconds"]!.GetValue<double>() / 3600, 3)))
            .ToList();
        var drawn = (await page.Locator("#chart-frt circle.point.median").EvaluateAllAsync<JsonElement>("els => els.map(e => ({ day: e.dataset.label, value: Number(e.dataset.value) }))"))
            .EnumerateArray().Select(p => (p.GetProperty("day").GetString()!, Math.Round(p.GetProperty("value").GetDouble(), 3)))
            .ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, drawn);
        Assert.Equal(30, daily.Count);
        Assert.Equal(DateOnly.FromDateTime(fixture.Time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), daily[^1]!["date"]!.GetValue<string>());

        // The rate chart's channel names are whole and inside the drawing.
        var labels = (await page.Locator("#chart-rate text.rate-label").EvaluateAllAsync<JsonElement>("els => els.map(e => { const b = e.getBBox(); const w = e.ownerSVGElement.viewBox.baseVal.width; return { left: b.x, right: b.x + b.width, width: w, text: e.textContent }; })")).EnumerateArray().ToList();
        Assert.NotEmpty(labels);
        Assert.All(labels, l => Assert.True(l.GetProperty("left").GetDouble() >= 0 && l.GetProperty("right").GetDouble() <= l.GetProperty("width").GetDouble(), l.ToString()));
        Assert.Contains(labels, l => l.GetProperty("text").GetString() == "Acme Outdoor on Instagram (answered promptly)");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Escape_on_the_key_dialog_says_what_the_page_needs_and_offers_the_dialog_again()
    {
        var context = await fixture.Browser.NewContextAsync(Laptop);
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/");
        await page.Locator("#key-input").WaitForAsync();

        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("needs the API key");
        Assert.DoesNotContain("Loading", await page.Locator("#status").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#key-again").ClickAsync();
        Assert.True(await page.Locator("#key-dialog").EvaluateAsync<bool>("d => d.open"));
        await page.Locator("#key-input").FillAsync(DashboardFixture.ApiKey);
        await page.Locator("#key-form button[type=submit]").ClickAsync();
        await page.Locator(".card").First.WaitForAsync();
        Assert.False(await page.Locator("#key-again").IsVisibleAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_every_control_is_at_least_44_pixels_high()
    {
        var page = await fixture.OpenAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true });
        await page.Locator("#chart-rate svg").WaitForAsync();
        var small = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('button, select, input, a.open-link, nav a')]
            .map(e => (e.type === 'checkbox' || e.type === 'radio') ? e.closest('label') : e)
            .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; })
            .filter(e => e.getBoundingClientRect().height < 44)
            .map(e => e.outerHTML.slice(0, 100) + ' ' + e.getBoundingClientRect().height)");
        Assert.True(small.Length == 0, string.Join("\n", small));
        Assert.True(await page.Locator("#next-body a.answer").CountAsync() > 0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("phone-answer-next") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_brand_without_its_own_model_is_a_normal_state_and_no_request_fails()
    {
        var context = await fixture.Browser.NewContextAsync(Laptop);
        var page = await context.NewPageAsync();
        var failed = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Enqueue($"{response.Status} {response.Url}");
            }
        };
        var console = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                console.Enqueue(message.Text);
            }
        };
        await page.GotoAsync(fixture.BaseUrl + "/");
        await page.Locator("#key-input").FillAsync(DashboardFixture.ApiKey);
        await page.Locator("#key-form button[type=submit]").ClickAsync();
        await page.Locator(".model").First.WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Contains("No own model yet", await page.Locator(".model").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(failed);
        Assert.Empty(console);
        await context.CloseAsync();
    }

    /// <summary>
    /// The README's picture is taken here, from the demo as it is, into .artifacts/screenshots/ (ignored by git), so a
    /// test run never rewrites a tracked file. RESPONSEMONITOR_UPDATE_README_IMAGE=1 copies it over
    /// docs/images/dashboard.png, when the page changed and the README should show it.
    /// </summary>
    [Fact]
    public async Task The_readme_screenshot_is_taken_from_the_page()
    {
        var page = await fixture.OpenAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, ColorScheme = ColorScheme.Light });
        await page.Locator("#chart-rate svg").WaitForAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var taken = Screenshot("dashboard");
        var before = DateTime.UtcNow.AddSeconds(-1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = taken });

        var readme = Repo.PathOf("docs", "images", "dashboard.png");
        if (Environment.GetEnvironmentVariable("RESPONSEMONITOR_UPDATE_README_IMAGE") == "1")
        {
            File.Copy(taken, readme, overwrite: true);
        }

        Assert.True(File.GetLastWriteTimeUtc(taken) >= before);
        foreach (var path in new[] { taken, readme })
        {
            var png = await File.ReadAllBytesAsync(path);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
            Assert.Equal(1366, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        }

        await page.Context.CloseAsync();
    }
}
