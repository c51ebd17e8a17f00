namespace ResponseMonitor.Connectors.Platforms;

/// <summary>
/// The demo's stand-in for a platform: the demo items of one channel turned into the platform's wire JSON for one
/// request path, so the real connector reads them. Pure (no HTTP server here): the app maps one route that hands each
/// request to the emulator of the channel's kind.
/// </summary>
public interface IDemoEmulator
{
    /// <summary>The answer, or null when the platform has no such path (the route answers 404).</summary>
    DemoAnswer? Answer(DemoRequest request);
}
