using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Platforms;

/// <summary>
/// The usual platform: a kind, its settings' reader, a connector built from the container, and optionally a demo
/// emulator. A platform with more (a push parser, shared services) overrides what it adds.
/// </summary>
/// <typeparam name="TConnector">Its connector, built with <see cref="ActivatorUtilities"/> (it takes <see cref="PlatformServices"/>).</typeparam>
/// <param name="kind">The channel kind.</param>
/// <param name="readSettings">Its settings' reader, the one the connector reads through too.</param>
/// <param name="demoEmulator">Its demo emulator, if any.</param>
/// <param name="purgesDeleted">Whether its terms ask that deleted content leave storage entirely (<see cref="IChannelPlatform.PurgesDeleted"/>).</param>
internal abstract class ChannelPlatform<TConnector>(string kind, Action<ChannelSettings> readSettings, IDemoEmulator? demoEmulator = null, bool purgesDeleted = false) : IChannelPlatform
    where TConnector : IChannelConnector
{
    public string Kind => kind;

    public IDemoEmulator? DemoEmulator => demoEmulator;

    public bool PurgesDeleted => purgesDeleted;

    public void CheckSettings(ChannelSettings settings) => readSettings(settings);

    public IChannelConnector CreateConnector(IServiceProvider services) => ActivatorUtilities.CreateInstance<TConnector>(services);

    public virtual IPushParser? CreatePushParser(IServiceProvider services) => null;

    public virtual void AddServices(IServiceCollection services)
    {
    }
}
