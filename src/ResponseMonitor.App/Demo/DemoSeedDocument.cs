namespace ResponseMonitor.App.Demo;

internal sealed class DemoSeedDocument
{
    public string Brand { get; set; } = "";

    public List<DemoChannelSeed> Channels { get; set; } = [];
}
