namespace ResponseMonitor.Connectors.X;

/// <summary>A referenced tweet: <c>replied_to</c>, <c>quoted</c> or <c>retweeted</c>.</summary>
internal sealed class XReferenceDto
{
    public string? Type { get; set; }

    public string? Id { get; set; }
}
