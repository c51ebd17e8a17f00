namespace ResponseMonitor.App.Api;

/// <summary>Every API route, feature by feature: the one list both hosts serve and the contract tests read.</summary>
internal static class ApiRoutes
{
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        .. HealthEndpoints.Routes,
        .. DashboardPageEndpoints.Routes,
        .. WebhookEndpoints.Routes,
        .. DashboardEndpoints.Routes,
        .. WarningEndpoints.Routes,
        .. SilenceEndpoints.Routes,
        .. NotificationEndpoints.Routes,
        .. MetricsEndpoints.Routes,
        .. ImportEndpoints.Routes,
        .. ImportJobEndpoints.Routes,
        .. ClassifyEndpoints.Routes,
        .. CriticModelEndpoints.Routes,
        .. CriticLabelEndpoints.Routes,
        .. Authors.AuthorEndpoints.Routes,
    ];
}
