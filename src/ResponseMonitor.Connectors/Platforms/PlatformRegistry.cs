using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Connectors.GenericFeed;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Platforms;

/// <summary>
/// The registered platforms by kind: the one list start-up validation, the webhook route, the demo and the domain's
/// deletion policy consult.
/// </summary>
public sealed class PlatformRegistry : IDeletionPolicy
{
    private readonly Dictionary<string, IChannelPlatform> _byKind;
    private readonly ConcurrentDictionary<string, IPushParser> _parsers = new(StringComparer.Ordinal);
    private readonly IServiceProvider _services;
    private IReadOnlyList<string>? _signatureHeaders;
    private IReadOnlyList<string>? _challengeParameters;

    /// <summary>Indexes the registered platforms by kind; two different platforms claiming one kind is an error.</summary>
    public PlatformRegistry(IEnumerable<IChannelPlatform> platforms, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(platforms);
        _services = services;
        _byKind = new Dictionary<string, IChannelPlatform>(StringComparer.Ordinal);
        foreach (var platform in platforms)
        {
            // Two registrations of one platform are one; two platforms claiming one kind are a wiring mistake.
            if (_byKind.TryGetValue(platform.Kind, out var known) && known.GetType() != platform.GetType())
            {
                throw new InvalidOperationException($"Platforms {known.GetType().Name} and {platform.GetType().Name} both claim kind '{platform.Kind}'.");
            }

            _byKind[platform.Kind] = platform;
        }

        Kinds = [.. _byKind.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>Every registered kind, in ordinal order.</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <summary>The platform registered for a kind; null when none is.</summary>
    public IChannelPlatform? Find(string kind) => _byKind.GetValueOrDefault(kind);

    /// <summary>What is wrong with a channel's kind and settings, each problem naming the setting; empty when nothing is.</summary>
    public IReadOnlyList<string> Check(string channelId, string kind, IReadOnlyDictionary<string, string> settings)
    {
        if (Find(kind) is not { } platform)
        {
            return [$"unknown Kind '{kind}'; known kinds are {string.Join(", ", Kinds)}."];
        }

        var reader = new ChannelSettings(channelId, kind, settings);
        platform.CheckSettings(reader);
        return reader.Problems;
    }

    /// <summary>The push parser of a kind: its platform's own, or the generic feed's for a platform without one.</summary>
    public IPushParser PushParser(string kind) => _parsers.GetOrAdd(kind, k =>
        Find(k)?.CreatePushParser(_services) ?? new FeedPushParser(_services.GetService<TimeProvider>() ?? TimeProvider.System));

    /// <summary>What the kind's platform declares; an unknown kind keeps a deleted item's place.</summary>
    public bool PurgesDeleted(string kind) => Find(kind)?.PurgesDeleted ?? false;

    /// <summary>The headers platforms sign their deliveries in besides <c>X-Hub-Signature-256</c> (<see cref="IPushParser.SignatureHeader"/>).</summary>
    public IReadOnlyList<string> SignatureHeaders => _signatureHeaders ??= [.. Kinds.Select(k => PushParser(k).SignatureHeader).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The query parameters of the platforms' own subscription checks (<see cref="IPushParser.ChallengeParameter"/>).</summary>
    public IReadOnlyList<string> ChallengeParameters => _challengeParameters ??= [.. Kinds.Select(k => PushParser(k).ChallengeParameter).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>The demo emulator of a kind, null when its platform has none.</summary>
    public IDemoEmulator? Emulator(string kind) => Find(kind)?.DemoEmulator;
}
