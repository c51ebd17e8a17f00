using Microsoft.Extensions.Configuration;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.App.Configuration;

/// <summary>
/// Reads the channels (<c>Monitor:Channels:N:*</c>, then <see cref="ChannelsFileReader">Monitor:ChannelsFile</see>)
/// in time linear in their number. <see cref="ConfigurationBinder"/> is quadratic here: it asks each channel's
/// section (and its lists and nested sections) for its children, and every provider answers that by scanning all of
/// its keys (<c>ConfigurationProvider.GetChildKeys</c>), so 10,000 channels did not start in 10 minutes. Instead, the
/// channels' indexes are read once, each channel's keys are looked up by name (<see cref="ConfigurationKeySchema"/>),
/// and the channel is bound by the same binder from those keys alone, so every shape and message stays the binder's.
/// </summary>
internal sealed class ChannelConfigurationReader
{
    public const string ChannelsSection = MonitorOptions.SectionName + ":Channels";

    private static readonly string[] SecretNames = [nameof(ChannelOptions.AccessToken), nameof(ChannelOptions.ClientSecret), nameof(ChannelOptions.WebhookSecret), nameof(ChannelOptions.WebhookVerifyToken)];

    private static readonly ConfigurationKeySchema Schema = ConfigurationKeySchema.For(typeof(ChannelOptions));

    private readonly IConfiguration _configuration;
    private readonly IReadOnlyList<IConfigurationProvider> _providers;
    private readonly WarningRuleSettings _brandWarnings;

    // Names seen in an open dictionary (Settings) of an earlier channel: looked up first in the next channels, so
    // only a channel bringing a name not seen before costs a scan of its section.
    private readonly Dictionary<string, HashSet<string>> _learned = new(StringComparer.OrdinalIgnoreCase);

    private ChannelConfigurationReader(IConfiguration configuration, WarningRuleSettings brandWarnings)
    {
        _configuration = configuration;
        _providers = (configuration as IConfigurationRoot)?.Providers.ToList() ?? [];
        _brandWarnings = brandWarnings;
    }

    /// <summary>How many channels were bound the binder's slow way (keys the schema does not know, sparse lists); for tests.</summary>
    public int SlowPathChannels { get; private set; }

    /// <summary>The channels of <paramref name="configuration"/>, app settings first, then the channels file; problems with the file in <paramref name="problems"/>.</summary>
    public static List<ChannelOptions> Read(IConfiguration configuration, List<string> problems) => Read(configuration, problems, out _);

    internal static List<ChannelOptions> Read(IConfiguration configuration, List<string> problems, out int slowPathChannels)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        var brand = new WarningRuleSettings();
        configuration.GetSection($"{MonitorOptions.SectionName}:Warnings").Bind(brand);
        var reader = new ChannelConfigurationReader(configuration, brand);
        var channels = reader.ReadSettings();
        if (configuration[ChannelsFileReader.SettingName] is { Length: > 0 } file)
        {
            foreach (var (path, keys) in ChannelsFileReader.Read(file, problems))
            {
                var channel = reader.Bind(Section(keys), path);
                foreach (var secret in SecretNames.Where(name => keys.Any(k => string.Equals(k.Key, name, StringComparison.OrdinalIgnoreCase))))
                {
                    // A file is deployed and copied like code; secrets come from app settings or Key Vault only.
                    problems.Add($"{path} ({channel.Id}): {secret} is a secret and does not belong in {ChannelsFileReader.SettingName}; give it in app settings (a Key Vault reference in Azure).");
                }

                channels.Add(channel);
            }
        }

        slowPathChannels = reader.SlowPathChannels;
        return channels;
    }

    /// <summary>A channel bound from its own keys: the binder, then its warning settings laid over the brand's.</summary>
    private ChannelOptions Bind(IConfiguration section, string path)
    {
        var channel = new ChannelOptions { SourcePath = path };
        section.Bind(channel);
        var warnings = _brandWarnings with { };
        section.GetSection("Warnings").Bind(warnings);
        channel.Warnings = WarningSettingsBinder.WithShorthands(warnings, channel);
        return channel;
    }

    private List<ChannelOptions> ReadSettings()
    {
        var channels = new List<ChannelOptions>();

        // One scan of each provider for the number of keys under each channel: a channel whose keys were all found by
        // name is complete; one with more keys has some the schema does not name.
        var counts = _providers.Select(CountKeysByChannel).ToList();
        foreach (var child in _configuration.GetSection(ChannelsSection).GetChildren())
        {
            var keys = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            var found = new int[_providers.Count];
            Probe(child.Path, keys, found, _learned);
            if (!Complete(child.Key, counts, found))
            {
                // Learn the open dictionaries' names from this channel's own sections, once, and look again.
                foreach (var dictionary in Schema.Dictionaries)
                {
                    var names = _learned.TryGetValue(dictionary, out var known) ? known : _learned[dictionary] = new(StringComparer.OrdinalIgnoreCase);
                    foreach (var entry in child.GetSection(dictionary).GetChildren())
                    {
                        names.Add(entry.Key);
                    }
                }

                keys.Clear();
                Array.Clear(found);
                Probe(child.Path, keys, found, _learned);
            }

            if (Complete(child.Key, counts, found))
            {
                channels.Add(Bind(Section(keys), child.Path));
            }
            else
            {
                // Keys no schema names (a sparse list, a nested list of sections, a key no property reads): the binder
                // over the channel's own section, as before, for this channel only.
                SlowPathChannels++;
                channels.Add(Bind(child, child.Path));
            }
        }

        return channels;
    }

    private bool Complete(string channel, List<Dictionary<string, int>> counts, int[] found)
    {
        if (_providers.Count == 0)
        {
            return false;
        }

        for (var p = 0; p < _providers.Count; p++)
        {
            if (counts[p].GetValueOrDefault(channel) != found[p])
            {
                return false;
            }
        }

        return true;
    }

    private void Probe(string prefix, Dictionary<string, string?> keys, int[] found, Dictionary<string, HashSet<string>> learned)
    {
        foreach (var key in Schema.Values)
        {
            Look(prefix, key, keys, found);
        }

        foreach (var key in Schema.Sections)
        {
            Look(prefix, key, keys, found);
        }

        foreach (var list in Schema.Lists)
        {
            for (var i = 0; Look(prefix, $"{list}:{i}", keys, found); i++)
            {
            }
        }

        foreach (var (dictionary, names) in learned)
        {
            foreach (var name in names)
            {
                Look(prefix, $"{dictionary}:{name}", keys, found);
            }
        }
    }

    /// <summary>Looks a key up in every provider, the last one found winning, as <see cref="IConfigurationRoot"/> does.</summary>
    private bool Look(string prefix, string key, Dictionary<string, string?> keys, int[] found)
    {
        var any = false;
        var path = prefix + ConfigurationPath.KeyDelimiter + key;
        for (var p = 0; p < _providers.Count; p++)
        {
            if (_providers[p].TryGet(path, out var value))
            {
                found[p]++;
                keys[key] = value;
                any = true;
            }
        }

        return any;
    }

    private static Dictionary<string, int> CountKeysByChannel(IConfigurationProvider provider)
    {
        // A ConfigurationProvider answers with one entry per key under the section (its first segment: the index).
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var index in provider.GetChildKeys([], ChannelsSection))
        {
            counts[index] = counts.GetValueOrDefault(index) + 1;
        }

        return counts;
    }

    private static IConfiguration Section(IEnumerable<KeyValuePair<string, string?>> keys) =>
        new ConfigurationBuilder().AddInMemoryCollection(keys).Build();
}
