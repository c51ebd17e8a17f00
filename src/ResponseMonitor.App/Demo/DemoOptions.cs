namespace ResponseMonitor.App.Demo;

internal sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Serve the seed brand's channels from this app and monitor them.</summary>
    public bool Enabled { get; set; }

    /// <summary>The seed file; relative paths are resolved against the app's folder, then the working directory.</summary>
    public string SeedPath { get; set; } = "seeds/demo-brand.json";

    /// <summary>Where this app is reachable, for the demo channels' feed URLs.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>Items per demo feed page: small, so the demo exercises paging.</summary>
    public int PageSize { get; set; } = 4;
}
