namespace ResponseMonitor.App.Functions;

/// <summary>
/// Every function's name: what functions.metadata lists, what the Functions host shows and logs, and the endpoint
/// name of the same route standalone.
/// </summary>
internal static class FunctionNames
{
    public const string PollChannels = "PollChannels";
    public const string PollChannel = "PollChannel";
    public const string AnalyzeChannel = "AnalyzeChannel";
    public const string RunImport = "RunImport";

    public const string Health = "Health";
    public const string DashboardPage = "DashboardPage";
    public const string ReceiveWebhook = "ReceiveWebhook";
    public const string VerifyWebhook = "VerifyWebhook";
    public const string GetDashboard = "GetDashboard";
    public const string GetChannel = "GetChannel";
    public const string ListUnanswered = "ListUnanswered";
    public const string ListWarnings = "ListWarnings";
    public const string ListWarningHistory = "ListWarningHistory";
    public const string ListSilences = "ListSilences";
    public const string ExportAuthor = "ExportAuthor";
    public const string EraseAuthor = "EraseAuthor";
    public const string CreateSilence = "CreateSilence";
    public const string GetSilence = "GetSilence";
    public const string ExpireSilence = "ExpireSilence";
    public const string ListNotifications = "ListNotifications";
    public const string RetryNotification = "RetryNotification";
    public const string GetMetrics = "GetMetrics";
    public const string ListExclusions = "ListExclusions";
    public const string GetDailyMetrics = "GetDailyMetrics";
    public const string ImportHistory = "ImportHistory";
    public const string StartImport = "StartImport";
    public const string GetImport = "GetImport";
    public const string Classify = "Classify";
    public const string TrainCriticModel = "TrainCriticModel";
    public const string GetCriticModel = "GetCriticModel";
    public const string DeleteCriticModel = "DeleteCriticModel";
    public const string SaveCriticLabels = "SaveCriticLabels";
    public const string ListCriticLabels = "ListCriticLabels";
    public const string DeleteCriticLabel = "DeleteCriticLabel";
    public const string TrainCriticModelFromLabels = "TrainCriticModelFromLabels";
    public const string MarkHandled = "MarkHandled";
    public const string UnmarkHandled = "UnmarkHandled";
    public const string GetHandled = "GetHandled";
}
