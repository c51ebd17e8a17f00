using System.Globalization;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Platforms;

/// <summary>
/// The one reader of a channel's <c>Settings:*</c>. A platform reads what it needs through it both at start-up
/// (<see cref="IChannelPlatform.CheckSettings"/>) and when it polls, so the check and the use cannot drift apart. Each
/// read records what is missing or malformed, named by channel and setting, instead of throwing.
/// </summary>
public sealed class ChannelSettings(string channelId, string kind, IReadOnlyDictionary<string, string> values)
{
    private readonly List<string> _problems = [];

    /// <summary>The channel whose settings these are, named in every problem.</summary>
    public string ChannelId { get; } = channelId;

    /// <summary>The channel's platform kind.</summary>
    public string Kind { get; } = kind;

    /// <summary>What is missing or malformed, each naming the setting; empty when every read succeeded.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>A reader over a configured channel's settings.</summary>
    public static ChannelSettings For(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return new ChannelSettings(channel.Id, channel.Kind, channel.Settings);
    }

    /// <summary>
    /// A connector's settings for one read, through the same <paramref name="read"/> its platform's start-up check
    /// runs; settings the check would have refused fail the read with <see cref="ConnectorException"/>.
    /// </summary>
    public static T Read<T>(ChannelDefinition channel, Func<ChannelSettings, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var reader = For(channel);
        var settings = read(reader);
        reader.ThrowIfInvalid();
        return settings;
    }

    /// <summary>A setting that must be there and not blank.</summary>
    public string Required(string name)
    {
        if (Optional(name) is { } value)
        {
            return value;
        }

        Need($"Settings:{name}");
        return "";
    }

    /// <summary>A setting that may be absent; blank counts as absent.</summary>
    public string? Optional(string name) => values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>An absolute URL that must be there; <paramref name="asBase"/> adds the trailing slash relative paths need.</summary>
    public Uri RequiredUrl(string name, bool asBase = false, string? label = null)
    {
        if (Url(Optional(name), asBase) is { } url)
        {
            return url;
        }

        Need(label ?? $"Settings:{name} (an absolute URL)");
        return new Uri("http://invalid/");
    }

    /// <summary>An absolute URL, <paramref name="fallback"/> when absent; a value that is not one is a problem.</summary>
    public Uri Url(string name, Uri fallback, bool asBase = false)
    {
        var text = Optional(name);
        if (text is null)
        {
            return fallback;
        }

        if (Url(text, asBase) is { } url)
        {
            return url;
        }

        Add($"Settings:{name} '{text}' is not an absolute URL.");
        return fallback;
    }

    /// <summary>A duration like <c>3.00:00:00</c>, <paramref name="fallback"/> when absent.</summary>
    public TimeSpan Duration(string name, TimeSpan fallback)
    {
        var text = Optional(name);
        if (text is null)
        {
            return fallback;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return span;
        }

        Add($"Settings:{name} '{text}' is not a positive duration like 3.00:00:00.");
        return fallback;
    }

    /// <summary>A point in time (ISO-8601, UTC when no offset is given); null when absent.</summary>
    public DateTimeOffset? Time(string name)
    {
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        Add($"Settings:{name} '{text}' is not a time like 2026-03-01T00:00:00Z.");
        return null;
    }

    /// <summary>true or false, <paramref name="fallback"/> when absent.</summary>
    public bool Flag(string name, bool fallback)
    {
        var text = Optional(name);
        if (text is null)
        {
            return fallback;
        }

        if (bool.TryParse(text, out var flag))
        {
            return flag;
        }

        Add($"Settings:{name} '{text}' is not true or false.");
        return fallback;
    }

    /// <summary>A poll with settings the start-up check would have refused: the channel's error names them.</summary>
    public void ThrowIfInvalid()
    {
        if (_problems.Count > 0)
        {
            throw new ConnectorException($"Channel {ChannelId}: {string.Join(" ", _problems)}");
        }
    }

    /// <summary>A problem of the platform's own (two settings that exclude each other), naming the setting.</summary>
    public void Add(string problem) => _problems.Add(problem);

    /// <summary>Something the channel must have: "a mastodon channel needs Settings:accountId."</summary>
    public void Need(string what) => _problems.Add($"{Article(Kind)} {Kind} channel needs {what}.");

    private static string Article(string kind) => kind.Length > 0 && ("aeiou".Contains(kind[0], StringComparison.Ordinal) || kind == "x") ? "an" : "a";

    private static Uri? Url(string? text, bool asBase) =>
        text is not null && Uri.TryCreate(asBase && !text.EndsWith('/') ? text + "/" : text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url : null;
}
