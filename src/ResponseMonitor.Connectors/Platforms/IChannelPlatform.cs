using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Platforms;

/// <summary>
/// One platform, described by itself: its kind, the settings it needs, its connector, and optionally its push parser
/// and its demo emulator. Adding a platform is its folder and one <c>AddPlatform&lt;T&gt;()</c> line
/// (docs/ARCHITECTURE.md, "Adding a platform"); start-up validation, the webhook route and the demo ask the registered
/// platforms through <see cref="PlatformRegistry"/> and name none of them.
/// </summary>
public interface IChannelPlatform
{
    /// <summary>The <c>Monitor:Channels:N:Kind</c> this platform reads.</summary>
    string Kind { get; }

    /// <summary>
    /// Reads every setting the platform needs through <paramref name="settings"/>, which records what is missing or
    /// malformed. Called at start-up for each enabled channel of this kind; the connector reads through the same code.
    /// </summary>
    void CheckSettings(ChannelSettings settings);

    /// <summary>The platform's reader; <see cref="PlatformServices"/> and what <see cref="AddServices"/> registered are in <paramref name="services"/>.</summary>
    IChannelConnector CreateConnector(IServiceProvider services);

    /// <summary>The parser of the platform's own webhook deliveries; null reads pushes as the generic feed (docs/GENERIC_FEED.md).</summary>
    IPushParser? CreatePushParser(IServiceProvider services) => null;

    /// <summary>
    /// True when the platform's terms ask that content deleted there leave storage entirely, row and all (Reddit's
    /// Data API terms, X's developer policy); false keeps a deleted item's place and times without its text or author.
    /// </summary>
    bool PurgesDeleted => false;

    /// <summary>Answers the demo's requests in the platform's wire format, so the demo polls through the real connector; null: none.</summary>
    IDemoEmulator? DemoEmulator => null;

    /// <summary>Registers what the platform's parts share (a cache both the connector and the push parser use).</summary>
    void AddServices(IServiceCollection services)
    {
    }
}
