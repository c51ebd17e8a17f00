namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>An audit stamp: who and when (epoch milliseconds).</summary>
internal sealed class LinkedInStampDto
{
    public string? Actor { get; set; }

    public long? Time { get; set; }
}
