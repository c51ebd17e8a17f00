using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.TikTok;

/// <summary>TikTok business accounts (docs/CHANNELS.md): the comments, public and hidden, on the account's recent videos.</summary>
internal sealed class TikTokPlatform : IChannelPlatform
{
    public const string KindName = "tiktok";

    public string Kind => KindName;

    public void CheckSettings(ChannelSettings settings) => TikTokSettings.Read(settings);

    public IChannelConnector CreateConnector(IServiceProvider services) => ActivatorUtilities.CreateInstance<TikTokConnector>(services);

    public IDemoEmulator? DemoEmulator { get; } = new TikTokDemoEmulator();
}
