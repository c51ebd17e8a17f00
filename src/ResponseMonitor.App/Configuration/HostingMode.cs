namespace ResponseMonitor.App.Configuration;

public enum HostingMode
{
    /// <summary>The app runs its own scheduler and queue listener and serves HTTP itself.</summary>
    Standalone,

    /// <summary>The Azure Functions host triggers the functions and forwards HTTP; the app only answers.</summary>
    CustomHandler,
}
