namespace ResponseMonitor.App.Demo;

internal sealed class DemoChannelSeed
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The connector kind the demo serves this channel as; its platform's wire format is emulated here.</summary>
    public string Kind { get; set; } = Domain.Channels.ChannelKinds.GenericFeed;

    public List<string> BrandAuthorIds { get; set; } = [];

    public TimeSpan? SilenceThreshold { get; set; }

    public TimeSpan? CriticThreshold { get; set; }

    public string? WebhookSecret { get; set; }

    /// <summary>The channel's platform settings, as a brand declares them; <c>{platform}</c> stands for the URL where this app emulates the channel's platform.</summary>
    public Dictionary<string, string> Settings { get; set; } = [];

    public List<DemoItemSeed> Items { get; set; } = [];
}
