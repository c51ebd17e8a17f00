using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration.Memory;

namespace ResponseMonitor.App.Demo;

/// <summary>Loads the seed brand and declares its channels in configuration, as a brand would declare its own.</summary>
internal static partial class DemoSeed
{
    public static DemoSeedDocument Load(string seedPath)
    {
        var path = Resolve(seedPath);
        var document = JsonSerializer.Deserialize(File.ReadAllBytes(path), DemoJsonContext.Default.DemoSeedDocument)
            ?? throw new InvalidOperationException($"The demo seed file {path} is empty.");
        foreach (var item in document.Channels.SelectMany(c => c.Items))
        {
            _ = ParseAgo(item.Ago);
            _ = item.DeletedIn is null ? default : ParseAgo(item.DeletedIn);
        }

        return document;
    }

    /// <summary>Adds <c>Monitor:Channels</c> entries for the seed channels after any configured ones.</summary>
    public static void AddChannels(IConfigurationBuilder configuration, IConfiguration current, DemoSeedDocument seed, DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(options);
        var offset = current.GetSection("Monitor:Channels").GetChildren().Count();
        var values = new Dictionary<string, string?>();
        for (var i = 0; i < seed.Channels.Count; i++)
        {
            var channel = seed.Channels[i];
            var prefix = $"Monitor:Channels:{offset + i}:";
            values[prefix + "Id"] = channel.Id;
            values[prefix + "Name"] = channel.Name;
            values[prefix + "Kind"] = channel.Kind;
            if (!string.IsNullOrWhiteSpace(seed.Brand))
            {
                values[prefix + "Brand"] = seed.Brand;
            }

            values[prefix + "FeedUrl"] = $"{options.BaseUrl.TrimEnd('/')}/api/demo/feeds/{Uri.EscapeDataString(channel.Id)}";
            var platform = $"{options.BaseUrl.TrimEnd('/')}/api/demo/platforms/{Uri.EscapeDataString(channel.Id)}/";
            foreach (var (key, value) in channel.Settings)
            {
                values[prefix + "Settings:" + key] = value.Replace("{platform}", platform, StringComparison.Ordinal);
            }

            // The demo feed is guarded by the API key like every other route.
            values[prefix + "AccessToken"] = current["Api:Key"];
            values[prefix + "WebhookSecret"] = channel.WebhookSecret;
            if (channel.SilenceThreshold is { } silence)
            {
                values[prefix + "SilenceThreshold"] = silence.ToString("c", CultureInfo.InvariantCulture);
            }

            if (channel.CriticThreshold is { } critic)
            {
                values[prefix + "CriticThreshold"] = critic.ToString("c", CultureInfo.InvariantCulture);
            }

            for (var j = 0; j < channel.BrandAuthorIds.Count; j++)
            {
                values[$"{prefix}BrandAuthorIds:{j}"] = channel.BrandAuthorIds[j];
            }
        }

        configuration.Add(new MemoryConfigurationSource { InitialData = values });
    }

    /// <summary>"1d2h30m" → 1 day 2 hours 30 minutes.</summary>
    public static TimeSpan ParseAgo(string ago)
    {
        var match = AgoPattern().Match(ago ?? "");
        if (!match.Success || match.Length == 0)
        {
            throw new FormatException($"Demo item age '{ago}' is not like '2d', '26h', '1d2h30m'.");
        }

        static int Part(Group g) => g.Success ? int.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        return new TimeSpan(Part(match.Groups["d"]), Part(match.Groups["h"]), Part(match.Groups["m"]), 0);
    }

    private static string Resolve(string seedPath)
    {
        if (Path.IsPathRooted(seedPath))
        {
            return seedPath;
        }

        var besideApp = Path.Combine(AppContext.BaseDirectory, seedPath);
        return File.Exists(besideApp) ? besideApp : Path.GetFullPath(seedPath);
    }

    [GeneratedRegex(@"^(?:(?<d>\d+)d)?(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?$")]
    private static partial Regex AgoPattern();
}
