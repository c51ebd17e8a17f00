namespace ResponseMonitor.App.Functions;

/// <summary>Function names: the folders beside host.json and the paths the Functions host posts invocations to.</summary>
public static class FunctionNames
{
    public const string PollChannels = "PollChannels";
    public const string AnalyzeChannel = "AnalyzeChannel";
}
