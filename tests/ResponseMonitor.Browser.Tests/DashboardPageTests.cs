using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResponseMonitor.Browser.Tests.Infrastructure;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Browser.Tests;

/// <summary>The dashboard page in headless chromium against the demo brand: what a community manager sees and does.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardPageTests(DashboardFixture fixture)
{
    private static readonly BrowserNewContextOptions Laptop = new() { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } };

    private static string Screenshot(string name) => Path.Combine(DashboardFixture.ArtifactsFolder, name + ".png");

    [Fact]
    public async Task The_page_shows_every_demo_channel_with_the_numbers_the_api_gives_and_both_warnings()
    {
        var page = await fixture.OpenAsync(Laptop);
        var dashboard = await fixture.GetJsonAsync("/api/dashboard");

        var channels = dashboard["channels"]!.AsArray();
        Assert.Equal(channels.Count, await page.Locator(".card").CountAsync());
        foreach (var channel in channels)
        {
            var card = page.Locator($"#card-{channel!["id"]!.GetValue<string>()}");
            Assert.Equal(channel["openCount"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture), await card.Locator(".open-count").InnerTextAsync());
            Assert.Equal(channel["criticalOpenCount"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture), await card.Locator(".critical-count").InnerTextAsync());
            Assert.Contains(channel["name"]!.GetValue<string>(), await card.Locator("h4").InnerTextAsync(), StringComparison.Ordinal);
        }

        // The silent forum says so in words, not only in colour; the Facebook page's critics are flagged.
        Assert.Matches(@"Silent \d+ days", await page.Locator("#card-acme-forum .flag.silent").InnerTextAsync());
        Assert.Contains("critics waiting", await page.Locator("#card-acme-facebook .flag.critical").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Acme Outdoor", await page.Locator(".brand h3").First.InnerTextAsync(), StringComparison.Ordinal);

        // Both kinds of warning the demo raises are listed.
        await page.Locator("#warnings-body .warning").First.WaitForAsync();
        Assert.True(await page.Locator("#warnings-body .warning[data-rule='brand-silent'][data-channel='acme-forum']").CountAsync() == 1);
        Assert.True(await page.Locator("#warnings-body .warning[data-rule='critic-ignored']").CountAsync() >= 3);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("laptop") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Waiting_critics_are_listed_oldest_first_with_their_cues_and_links()
    {
        var page = await fixture.OpenAsync(Laptop);
        await page.Locator("#filter-critical").CheckAsync();
        var api = (await fixture.GetJsonAsync("/api/unanswered?critical=true&limit=500"))["items"]!.AsArray();

        var comments = page.Locator("#waiting-body .comment");
        Assert.Equal(api.Count, await comments.CountAsync());
        Assert.True(api.Count >= 3);
        var created = await comments.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.created)");
        Assert.Equal(created.OrderBy(c => DateTimeOffset.Parse(c, System.Globalization.CultureInfo.InvariantCulture)), created);
        Assert.Equal(api.Select(i => i!["id"]!.GetValue<string>()), await comments.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.item)"));
        for (var i = 0; i < api.Count; i++)
        {
            var comment = comments.Nth(i);
            Assert.Contains("critical", await comment.Locator(".label").InnerTextAsync(), StringComparison.Ordinal);
            var cues = api[i]!["cues"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray();
            // Each cue is kept in data-cue and said in words: no "positive:want" on the page.
            Assert.Equal(cues, await comment.Locator(".cue").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.cue)"));
            Assert.All(await comment.Locator(".cue").AllInnerTextsAsync(), text => Assert.DoesNotContain(':', text));
            if (api[i]!["url"] is { } url)
            {
                Assert.Equal(url.GetValue<string>(), await comment.Locator("a.open-link").GetAttributeAsync("href"));
            }
        }

        // Filters narrow the list: one channel, one language.
        await page.Locator("#filter-channel").SelectOptionAsync("acme-facebook");
        Assert.All(await comments.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.channel)"), c => Assert.Equal("acme-facebook", c));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_chart_draws_the_api_figures_and_switches_to_business_time()
    {
        var page = await fixture.OpenAsync(Laptop);
        await page.Locator("#chart-frt svg").WaitForAsync();

        Assert.True(await page.Locator("#chart-frt circle.point.median").CountAsync() > 0, "no median point drawn");
        Assert.True(await page.Locator("#chart-frt polyline.series.p90").CountAsync() > 0 || await page.Locator("#chart-frt circle.point.p90").CountAsync() > 0, "no p90 drawn");
        Assert.True(await page.Locator("#chart-open circle.point.open").CountAsync() > 0, "no open-comment point drawn");

        var bars = await page.Locator("#chart-buckets rect.bar").EvaluateAllAsync<double[]>("els => els.map(e => Number(e.dataset.value))");
        var heights = await page.Locator("#chart-buckets rect.bar").EvaluateAllAsync<double[]>("els => els.map(e => e.getBBox().height)");
        Assert.Equal(5, bars.Length);
        Assert.True(bars.Sum() > 0 && heights.Max() > 10, "the distribution has no drawn bar");
        var to = DateTimeOffset.UtcNow;

        var dashboard = await fixture.GetJsonAsync("/api/dashboard");
        var rated = dashboard["channels"]!.AsArray().Count(c => c!["responseRate"] is not null);
        var rates = await page.Locator("#chart-rate rect.bar").EvaluateAllAsync<double[]>("els => els.map(e => e.getBBox().width)");
        Assert.Equal(rated, rates.Length);
        Assert.True(rates.Max() > 50);

        await page.Locator("#charts").ScreenshotAsync(new LocatorScreenshotOptions { Path = Screenshot("charts") });
        await page.Locator("input[name=clock][value=business]").CheckAsync();
        Assert.True(await page.Locator("#chart-frt circle.point.median").CountAsync() > 0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Labelling_a_comment_in_one_click_stores_a_label()
    {
        var page = await fixture.OpenAsync(Laptop);
        var first = page.Locator("#waiting-body .comment").First;
        var item = await first.GetAttributeAsync("data-item");
        var channel = await first.GetAttributeAsync("data-channel");

        await first.Locator("button[data-label=not_critical]").ClickAsync();
        await Assertions.Expect(page.Locator($"#waiting-body .comment[data-item='{item}'] .labelled")).ToHaveTextAsync("Labelled not critical");

        var labels = await fixture.GetJsonAsync("/api/critics/labels?brand=" + Uri.EscapeDataString("Acme Outdoor"));
        Assert.Contains(labels["labels"]!.AsArray(), l => l!["itemId"]!.GetValue<string>() == item && l["channelId"]!.GetValue<string>() == channel && l["label"]!.GetValue<string>() == "not_critical");
        await Assertions.Expect(page.Locator(".model .label-count")).Not.ToHaveTextAsync("0");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_silence_created_from_a_warning_holds_its_notification_back()
    {
        var page = await fixture.OpenAsync(Laptop);
        var warning = page.Locator("#warnings-body .warning[data-rule='critic-ignored'][data-subject='fb-c2']");
        await warning.Locator("button[data-action=silence]").ClickAsync();
        Assert.Equal("acme-facebook", await page.Locator("#silence-channel").InputValueAsync());
        Assert.Equal("critic-ignored", await page.Locator("#silence-rule").InputValueAsync());
        Assert.Equal("fb-c2", await page.Locator("#silence-subject").InputValueAsync());
        await page.Locator("#silence-by").FillAsync("Ana");
        await page.Locator("#silence-comment").FillAsync("Answering by phone");
        await page.Locator("#silence-form button[type=submit]").ClickAsync();
        await page.Locator("#silences-body .silence").First.WaitForAsync();
        var silenceId = await page.Locator("#silences-body .silence").First.GetAttributeAsync("data-id");

        // The receiver failed the first delivery; it is healthy again, and the retry delay has passed.
        fixture.ReceiverStatus = 200;
        var before = fixture.Receiver.Requests.Count;
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        await fixture.App.Services.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);

        var deliveries = (await fixture.GetJsonAsync("/api/notifications?limit=200"))["items"]!.AsArray();
        var held = deliveries.Where(d => d!["subject"]!.GetValue<string>() == "fb-c2" && d["rule"]!.GetValue<string>() == "critic-ignored").ToList();
        Assert.NotEmpty(held);
        Assert.All(held, d => Assert.Equal(("pending", "silence:" + silenceId), (d!["status"]!.GetValue<string>(), d["heldBy"]?.GetValue<string>())));
        Assert.Contains(deliveries, d => d!["status"]!.GetValue<string>() == "sent");
        var sent = fixture.Receiver.Requests.Skip(before).Select(r => r.Body).ToList();
        Assert.NotEmpty(sent);
        Assert.DoesNotContain(sent, body => body.Contains("\"fb-c2\"", StringComparison.Ordinal));

        // The page's outbox says which delivery is held and by what.
        await page.ReloadAsync();
        await page.Locator(".card").First.WaitForAsync();
        Assert.True(await page.Locator($"#outbox-body .delivery[data-held='silence:{silenceId}']").CountAsync() >= 1);

        // Expired early from the page, the silence says so.
        await page.Locator($"#expire-{silenceId}").ClickAsync();
        await page.Locator($"#silences-body .silence.status-expired[data-id='{silenceId}']").WaitForAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_platform_pause_shows_as_a_pause_with_its_end_and_rejected_credentials_as_such()
    {
        var states = fixture.App.Services.GetRequiredService<ResponseMonitor.Domain.Ports.IChannelStateStore>();
        var reads = fixture.App.Services.GetRequiredService<ResponseMonitor.App.Api.ReadCache.ApiReadCache>();
        var now = fixture.Time.GetUtcNow();
        var reddit = (await states.GetAsync("acme-reddit", CancellationToken.None))!;
        var youtube = (await states.GetAsync("acme-youtube", CancellationToken.None))!;
        try
        {
            await states.RecordPollFailureAsync("acme-reddit", "Reddit rate-limited reading mentions; paused until later.", now, CancellationToken.None, now.AddMinutes(2));
            await states.RecordPollFailureAsync("acme-youtube", "YouTube refused the request for comment threads (HTTP 403, keyInvalid).", now, CancellationToken.None, now.AddHours(6), credentialsRejected: true);
            await states.RecordCredentialAsync("acme-reddit", new ResponseMonitor.Domain.Ports.CredentialLifetime(now, now.AddDays(2), RenewedByMonitor: false, "Reddit bearer token"), CancellationToken.None);
            reads.Invalidate();

            var page = await fixture.OpenAsync(Laptop);

            var paused = page.Locator("#card-acme-reddit .flag.paused");
            Assert.Contains("Paused by the platform until", await paused.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("#card-acme-reddit .flag.failing").CountAsync());
            Assert.Contains("paused until", await page.Locator("#card-acme-reddit .paused").Last.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("Credentials rejected", await page.Locator("#card-acme-youtube .flag.failing").InnerTextAsync(), StringComparison.Ordinal);

            // A token a person must renew, ending in two days, is flagged on its card with its end and who renews it.
            Assert.Contains("Access ends", await page.Locator("#card-acme-reddit .flag.expiring").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("renewed by a person", await page.Locator("#card-acme-reddit .credential").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("rejected", await page.Locator("#card-acme-youtube .credential").InnerTextAsync(), StringComparison.Ordinal);
            await page.Context.CloseAsync();
        }
        finally
        {
            // Leave the shared demo as it was for the other tests.
            await states.RecordPollSuccessAsync("acme-reddit", reddit.Cursor, reddit.LastPollSucceededAt ?? now, CancellationToken.None);
            await states.RecordCredentialAsync("acme-reddit", new ResponseMonitor.Domain.Ports.CredentialLifetime(now, null, RenewedByMonitor: true, "demo"), CancellationToken.None);
            await states.RecordPollSuccessAsync("acme-youtube", youtube.Cursor, youtube.LastPollSucceededAt ?? now, CancellationToken.None);
            reads.Invalidate();
        }
    }

    [Fact]
    public async Task A_wrong_key_says_so_and_asks_again()
    {
        var context = await fixture.Browser.NewContextAsync(Laptop);
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/");
        await page.Locator("#key-input").FillAsync("not-the-key-at-all");
        await page.Locator("#key-form button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("#key-message")).ToContainTextAsync("not accepted");
        Assert.True(await page.Locator("#key-dialog").EvaluateAsync<bool>("d => d.open"));
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('responsemonitor.key')"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_stopped_api_is_named_and_the_last_figures_stay_marked_stale()
    {
        var context = await fixture.Browser.NewContextAsync(Laptop);
        var page = await context.NewPageAsync();
        await page.Clock.InstallAsync();
        await page.GotoAsync(fixture.BaseUrl + "/");
        await page.Locator("#key-input").FillAsync(DashboardFixture.ApiKey);
        await page.Locator("#key-form button[type=submit]").ClickAsync();
        await page.Locator(".card").First.WaitForAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Updated");
        var cards = await page.Locator(".card").CountAsync();

        // The monitor stops answering: every API call fails at the network.
        await page.RouteAsync("**/api/**", route => route.AbortAsync("connectionrefused"));
        await page.Clock.RunForAsync(31_000);

        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Cannot reach the monitor");
        Assert.Contains("last good refresh", await page.Locator("#status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("body").EvaluateAsync<bool>("b => b.classList.contains('stale')"));
        Assert.Equal(cards, await page.Locator(".card").CountAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task It_refreshes_every_30_seconds_without_redrawing_what_did_not_change_or_losing_the_scroll_position()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 600 } });
        var page = await context.NewPageAsync();
        await page.Clock.InstallAsync();
        var calls = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/api/dashboard", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref calls);
            }
        };
        await page.GotoAsync(fixture.BaseUrl + "/");
        await page.Locator("#key-input").FillAsync(DashboardFixture.ApiKey);
        await page.Locator("#key-form button[type=submit]").ClickAsync();
        await page.Locator(".card").First.WaitForAsync();
        await page.EvaluateAsync("() => { document.querySelector('.card').dataset.marker = 'kept'; window.scrollTo(0, 700); }");
        var before = Volatile.Read(ref calls);

        await page.Clock.RunForAsync(30_500);
        await page.WaitForFunctionAsync($"() => true");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Updated");

        Assert.True(Volatile.Read(ref calls) > before, "no refresh after 30 s");
        Assert.Equal("kept", await page.Locator(".card").First.GetAttributeAsync("data-marker"));
        Assert.Equal(700, await page.EvaluateAsync<int>("() => Math.round(window.scrollY)"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task No_request_leaves_the_monitors_origin()
    {
        var context = await fixture.Browser.NewContextAsync(Laptop);
        var page = await context.NewPageAsync();
        var urls = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, request) => urls.Enqueue(request.Url);
        await page.GotoAsync(fixture.BaseUrl + "/");
        await page.Locator("#key-input").FillAsync(DashboardFixture.ApiKey);
        await page.Locator("#key-form button[type=submit]").ClickAsync();
        await page.Locator("#chart-rate svg").WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(urls.Count > 20, $"only {urls.Count} requests were seen");
        Assert.All(urls, url => Assert.StartsWith(fixture.BaseUrl + "/", url, StringComparison.Ordinal));
        Assert.Contains(urls, u => u.Contains("/api/metrics", StringComparison.Ordinal));
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_assets_carry_a_strict_content_security_policy_and_cache_headers()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        using var root = await http.GetAsync("/");
        Assert.Equal("/api/ui/", root.RequestMessage!.RequestUri!.AbsolutePath);
        var csp = root.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("no-cache", root.Headers.CacheControl!.ToString());
        var html = await root.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);

        using var script = await http.GetAsync("/api/ui/app.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.True(script.Headers.CacheControl!.MaxAge > TimeSpan.Zero);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/ui/app.js");
        again.Headers.IfNoneMatch.Add(script.Headers.ETag!);
        using var notModified = await http.SendAsync(again);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, notModified.StatusCode);

        using var missing = await http.GetAsync("/api/ui/..%2F..%2Fappsettings.json");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task At_375_pixels_one_column_and_nothing_overflows()
    {
        var page = await fixture.OpenAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true });
        await page.Locator("#chart-rate svg").WaitForAsync();

        var overflow = await page.EvaluateAsync<JsonElement>(@"() => {
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 1; })
              .map(e => e.tagName + '.' + e.className);
            return { scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
        }");
        Assert.True(overflow.GetProperty("scroll").GetInt32() <= overflow.GetProperty("width").GetInt32(), overflow.ToString());
        Assert.Equal(0, overflow.GetProperty("wide").GetArrayLength());
        var columns = await page.Locator(".cards").EvaluateAsync<string>("e => getComputedStyle(e).gridTemplateColumns");
        Assert.DoesNotContain(" ", columns.Trim(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("phone") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_wall_screen_has_large_type_every_channel_and_no_controls()
    {
        var page = await fixture.OpenAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } }, "/?wall=1");
        var dashboard = await fixture.GetJsonAsync("/api/dashboard");

        Assert.Equal(dashboard["channels"]!.AsArray().Count, await page.Locator(".card").CountAsync());
        var controls = await page.Locator("button:visible, select:visible, input:visible").EvaluateAllAsync<string[]>("els => els.map(e => e.outerHTML.slice(0, 120))");
        Assert.True(controls.Length == 0, string.Join("\n", controls));
        Assert.True(await page.Locator("body").EvaluateAsync<double>("b => parseFloat(getComputedStyle(b).fontSize)") >= 20);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("wall") });
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task An_accessibility_check_finds_nothing_serious_and_contrast_holds(ColorScheme scheme)
    {
        // axe-core from npm (package-lock.json), injected into the page; CSP is bypassed for the test's own script only.
        var page = await fixture.OpenAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, ColorScheme = scheme, BypassCSP = true });
        await page.Locator("#chart-rate svg").WaitForAsync();
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Repo.PathOf("node_modules", "axe-core", "axe.min.js") });

        var result = await page.EvaluateAsync<JsonElement>("async () => { const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } }); return { violations: r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })), contrast: r.passes.filter(p => p.id === 'color-contrast').length }; }");
        var serious = result.GetProperty("violations").EnumerateArray().Where(v => v.GetProperty("impact").GetString() is "serious" or "critical").Select(v => v.ToString()).ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        Assert.Equal(1, result.GetProperty("contrast").GetInt32());

        // Keyboard: on a fresh load (the key is kept for the tab), the first Tab lands on the skip link, and focus is visible.
        await page.ReloadAsync();
        await page.Locator(".card").First.WaitForAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        if (scheme == ColorScheme.Dark)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("dark") });
        }

        await page.Context.CloseAsync();
    }
}
