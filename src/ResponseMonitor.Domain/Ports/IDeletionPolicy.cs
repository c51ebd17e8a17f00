namespace ResponseMonitor.Domain.Ports;

/// <summary>
/// What each platform's terms ask of content deleted there. The platforms declare it (the connectors' registry answers),
/// so the domain names none of them.
/// </summary>
public interface IDeletionPolicy
{
    /// <summary>
    /// True when a deleted item of this channel kind must leave storage entirely (Reddit's Data API terms, X's
    /// developer policy); false when keeping its place and times without text or author is enough.
    /// </summary>
    /// <param name="kind">The channel's kind.</param>
    bool PurgesDeleted(string kind);
}
