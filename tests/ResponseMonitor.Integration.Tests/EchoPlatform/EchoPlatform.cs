using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Integration.Tests.EchoPlatform;

/// <summary>
/// A platform that exists only in the tests, built as a new platform would be (docs/ARCHITECTURE.md, "Adding a
/// platform"): its settings, a connector, a push parser and a demo emulator, registered with one
/// <c>AddPlatform&lt;EchoPlatform&gt;()</c>. Its wire format: <c>GET {apiUrl}accounts/{accountId}/comments</c> answers
/// <c>{"comments":[{"id","parent","author","at","text"}]}</c>, and a push carries the same object.
/// </summary>
public sealed class EchoPlatform : IChannelPlatform
{
    public const string KindName = "echo";

    public string Kind => KindName;

    public void CheckSettings(ChannelSettings settings) => EchoSettings.Read(settings);

    public IChannelConnector CreateConnector(IServiceProvider services) => new EchoConnector(services.GetRequiredService<PlatformServices>());

    public IPushParser? CreatePushParser(IServiceProvider services) => new EchoPushParser();

    public IDemoEmulator? DemoEmulator { get; } = new EchoDemoEmulator();

    /// <summary>The echo platform's terms, like Reddit's, ask that deleted content leave storage.</summary>
    public bool PurgesDeleted => true;
}
