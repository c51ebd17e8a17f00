namespace ResponseMonitor.App.Demo;

public sealed class DemoChannelSeed
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public List<string> BrandAuthorIds { get; set; } = [];

    public TimeSpan? SilenceThreshold { get; set; }

    public TimeSpan? CriticThreshold { get; set; }

    public string? WebhookSecret { get; set; }

    public List<DemoItemSeed> Items { get; set; } = [];
}
