namespace ResponseMonitor.Connectors.Platforms;

/// <summary>
/// The usual demo emulator: it answers the demo's GETs (the route has checked their key) by path, and no POST, so the
/// demo's platform cannot be written to. An emulator that answers a session POST implements <see cref="IDemoEmulator"/> itself.
/// </summary>
internal abstract class ReadOnlyDemoEmulator : IDemoEmulator
{
    public DemoAnswer? Answer(DemoRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request is { Method: "GET", KeyChecked: true } ? Get(request.Segments, request) : null;
    }

    /// <summary>The answer to one GET, by the path's segments; null when the platform has no such path (the route answers 404).</summary>
    protected abstract DemoAnswer? Get(string[] segments, DemoRequest request);
}
