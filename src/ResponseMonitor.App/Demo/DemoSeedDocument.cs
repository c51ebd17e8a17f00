namespace ResponseMonitor.App.Demo;

public sealed class DemoSeedDocument
{
    public string Brand { get; set; } = "";

    public List<DemoChannelSeed> Channels { get; set; } = [];
}
