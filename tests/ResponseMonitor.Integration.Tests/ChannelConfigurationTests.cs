using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ResponseMonitor.App.Configuration;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// Channels read from configuration in linear time (<see cref="ChannelConfigurationReader"/>, docs/PERFORMANCE.md,
/// "Start-up with many channels"): 10,000 of them configure and validate, in app settings or in
/// <c>Monitor:ChannelsFile</c>, and each comes out as Microsoft.Extensions.Configuration's binder makes it.
/// </summary>
public sealed class ChannelConfigurationTests
{
    /// <summary>Every fifth channel a Mastodon one (its <c>Settings:*</c> an open dictionary), every seventh with its own warnings.</summary>
    private static Dictionary<string, string?> Estate(int count, int offset = 0)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < count; i++)
        {
            var prefix = $"Monitor:Channels:{i}:";
            var id = Id(i + offset);
            settings[prefix + "Id"] = id;
            settings[prefix + "BrandAuthorIds:0"] = "brand-" + id;
            if (i % 5 == 0)
            {
                settings[prefix + "Kind"] = "mastodon";
                settings[prefix + "Settings:instanceUrl"] = "https://social.example/";
                settings[prefix + "Settings:accountId"] = "acct-" + id;
                settings[prefix + "BrandAuthorIds:1"] = "acct-" + id;
            }
            else
            {
                settings[prefix + "FeedUrl"] = $"http://127.0.0.1:1/{id}";
            }

            if (i % 7 == 0)
            {
                settings[prefix + "Warnings:SpikeK"] = "4.5";
                settings[prefix + "SilenceThreshold"] = "06:00:00";
            }
        }

        return settings;
    }

    private static string Id(int i) => "ch" + i.ToString("D5", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Ten_thousand_channels_in_app_settings_configure_and_validate_at_start_up()
    {
        var settings = TestApp.Merge(Estate(10_000), new Dictionary<string, string?> { ["Monitor:Warnings:PreWarningAt"] = "0.5" });

        await using var app = await TestApp.StartAsync(settings);

        var all = app.Get<IChannelCatalog>().All;
        Assert.Equal(10_000, all.Count);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(Id), all.Select(c => c.Id));
        Assert.Equal(2_000, all.Count(c => c.Kind == "mastodon"));
        var mastodon = app.Get<IChannelCatalog>().Find(Id(9_995))!;
        Assert.Equal("acct-ch09995", mastodon.Settings["accountId"]);
        Assert.Equal(new HashSet<string> { "brand-ch09995", "acct-ch09995" }, mastodon.BrandAuthorIds);
        var feed = app.Get<IChannelCatalog>().Find(Id(9_999))!;
        Assert.Equal("http://127.0.0.1:1/ch09999", feed.Settings["feedUrl"]);

        // The brand's warnings under every channel's, the channel's own and its shorthand over them.
        var own = app.Get<IChannelCatalog>().Find(Id(9_996))!;
        Assert.Equal((0.5, 4.5, TimeSpan.FromHours(6)), (own.Warnings.PreWarningAt, own.Warnings.SpikeK, own.Warnings.SilenceThreshold));
        Assert.Equal((0.5, 3.0, TimeSpan.FromHours(72)), (feed.Warnings.PreWarningAt, feed.Warnings.SpikeK, feed.Warnings.SilenceThreshold));
    }

    [Fact]
    public void Every_key_of_ten_thousand_channels_is_found_by_name_so_none_scans_the_configuration()
    {
        // The quadratic cost was a scan of every key per channel section; the reader scans only for a channel whose keys
        // it cannot name: here one, the first Mastodon channel, which teaches it the Settings names of the others.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Estate(10_000))
            .AddCommandLine(["--Monitor:Channels:9999:Name=The last"])
            .Build();

        var channels = ChannelConfigurationReader.Read(configuration, [], out var slowPath);

        Assert.Equal(10_000, channels.Count);
        Assert.Equal(0, slowPath);
        Assert.Equal("The last", channels[^1].Name);
        Assert.Equal("Monitor:Channels:9999", channels[^1].SourcePath);
    }

    [Fact]
    public void A_channel_is_bound_as_the_configuration_binder_binds_it_whatever_its_shape()
    {
        // Shapes the key lookup does not cover (a sparse list, a key no property reads) go the binder's way for that
        // channel; all others must come out field for field as the binder makes them.
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:Channels:0:Id"] = "full",
            ["Monitor:Channels:0:Name"] = "Full",
            ["Monitor:Channels:0:Kind"] = "mastodon",
            ["Monitor:Channels:0:Enabled"] = "false",
            ["Monitor:Channels:0:Brand"] = "acme",
            ["Monitor:Channels:0:RetentionDays"] = "90",
            ["Monitor:Channels:0:PollInterval"] = "00:15:00",
            ["Monitor:Channels:0:Language"] = "es",
            ["Monitor:Channels:0:BrandAuthorIds:0"] = "a",
            ["Monitor:Channels:0:BrandAuthorIds:1"] = "b",
            ["Monitor:Channels:0:Settings:instanceUrl"] = "https://m.example/",
            ["Monitor:Channels:0:Settings:accountId"] = "1",
            ["Monitor:Channels:0:Exclusions:Enabled:0"] = "thanks",
            ["Monitor:Channels:0:Exclusions:SpamLinkCount"] = "3",
            ["Monitor:Channels:0:BusinessHours:TimeZone"] = "Europe/Madrid",
            ["Monitor:Channels:0:BusinessHours:Monday"] = "09:00-18:00",
            ["Monitor:Channels:0:BusinessHours:Holidays:0"] = "2026-12-25",
            ["Monitor:Channels:0:AccessToken"] = "secret",
            ["Monitor:Channels:1:Id"] = "sparse",
            ["Monitor:Channels:1:BrandAuthorIds:0"] = "x",
            ["Monitor:Channels:1:BrandAuthorIds:2"] = "z",
            ["Monitor:Channels:1:Colour"] = "blue",
            ["Monitor:Channels:2:Id"] = "later-settings",
            ["Monitor:Channels:2:BrandAuthorIds:0"] = "y",
            ["Monitor:Channels:2:Settings:accountId"] = "2",
            ["Monitor:Channels:2:Settings:onlyHere"] = "yes",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var read = ChannelConfigurationReader.Read(configuration, [], out var slowPath);
        var bound = configuration.GetSection("Monitor:Channels").Get<List<ChannelOptions>>()!;

        Assert.Equal(1, slowPath);
        Assert.Equal(bound.Count, read.Count);
        for (var i = 0; i < bound.Count; i++)
        {
            Assert.Equal(Json(bound[i]), Json(read[i]));
        }

        Assert.Equal(["x", "z"], read[1].BrandAuthorIds);
        Assert.Equal("yes", read[2].Settings["onlyHere"]);
    }

    [Fact]
    public async Task Channels_file_adds_its_channels_after_the_app_settings_ones()
    {
        var file = Path.Combine(Path.GetTempPath(), $"channels-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            [
              { "Id": "from-file-1", "FeedUrl": "http://127.0.0.1:1/f1", "BrandAuthorIds": ["brand"], "Warnings": { "SpikeK": 5 } },
              { "Id": "from-file-2", "Kind": "mastodon", "Settings": { "instanceUrl": "https://m.example/", "accountId": "9" },
                "BrandAuthorIds": ["9"], "BusinessHours": { "TimeZone": "Europe/Madrid", "Monday": "09:00-18:00" }, "Enabled": true }
            ]
            """);
        try
        {
            var settings = TestApp.Merge(
                TestApp.Channel(0, "in-settings", new Uri("http://127.0.0.1:1/s")),
                new Dictionary<string, string?> { ["Monitor:ChannelsFile"] = file, ["Monitor:Warnings:PreWarningAt"] = "0.6" });

            await using var app = await TestApp.StartAsync(settings);

            var catalog = app.Get<IChannelCatalog>();
            Assert.Equal(["in-settings", "from-file-1", "from-file-2"], catalog.All.Select(c => c.Id));
            Assert.Equal((5.0, 0.6), (catalog.Find("from-file-1")!.Warnings.SpikeK, catalog.Find("from-file-1")!.Warnings.PreWarningAt));
            Assert.Equal("9", catalog.Find("from-file-2")!.Settings["accountId"]);
            Assert.NotNull(catalog.Find("from-file-2")!.BusinessHours);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("""[ { "Id": "ok", "FeedUrl": "http://127.0.0.1:1/f", "BrandAuthorIds": ["b"] }, { "Id": "bad id!", "FeedUrl": "http://127.0.0.1:1/f", "BrandAuthorIds": ["b"] } ]""", "Monitor:ChannelsFile[1] (bad id!): A channel id is 1-64")]
    [InlineData("""[ { "Id": "ok", "FeedUrl": "http://127.0.0.1:1/f", "BrandAuthorIds": ["b"] }, "just text" ]""", "Monitor:ChannelsFile[1]: a channel is a JSON object, not String.")]
    [InlineData("""[ { "Id": "ok", "FeedUrl": "http://127.0.0.1:1/f", "BrandAuthorIds": ["b"] }, { "Id": """, "is not a JSON array of channels")]
    [InlineData("""{ "Id": "not-in-an-array" }""", "is not a JSON array of channels")]
    [InlineData("""[ { "Id": "tok", "FeedUrl": "http://127.0.0.1:1/f", "BrandAuthorIds": ["b"], "AccessToken": "t0ps3cret" } ]""", "Monitor:ChannelsFile[0] (tok): AccessToken is a secret and does not belong in Monitor:ChannelsFile")]
    [InlineData("""[ { "Id": "ok", "FeedUrl": "http://127.0.0.1:1/f", "BrandAuthorIds": ["b"] }, { "Id": "x", "Kind": "mastodon", "BrandAuthorIds": ["b"] } ]""", "Monitor:ChannelsFile[1] (x): a mastodon channel needs Settings:instanceUrl")]
    public async Task A_bad_channels_file_fails_start_up_naming_the_channel(string json, string expected)
    {
        var file = Path.Combine(Path.GetTempPath(), $"channels-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(new Dictionary<string, string?> { ["Monitor:ChannelsFile"] = file }));
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_missing_channels_file_fails_start_up_naming_the_setting()
    {
        var file = Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.json");
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(new Dictionary<string, string?> { ["Monitor:ChannelsFile"] = file }));
        Assert.Contains($"Monitor:ChannelsFile: cannot read '{file}'", error.Message, StringComparison.Ordinal);
    }

    private static string Json(ChannelOptions channel) => JsonSerializer.Serialize(channel, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
}
