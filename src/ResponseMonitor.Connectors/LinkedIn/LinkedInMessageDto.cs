namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>A comment's text.</summary>
internal sealed class LinkedInMessageDto
{
    public string? Text { get; set; }
}
