namespace ResponseMonitor.App.Configuration;

public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>
    /// The key dashboards send as <c>x-api-key</c>. Required standalone; under the Functions host the function key
    /// guards the API and this may stay empty (if set, it is checked as well).
    /// </summary>
    public string? Key { get; set; }

    /// <summary>
    /// Seconds a dashboard read (dashboard, one channel, the waiting list) is reused for every client before it is
    /// computed again; writes in this instance drop it at once. 0 computes every request.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 300)]
    public int ReadCacheSeconds { get; set; } = 5;

    /// <summary>Largest webhook body accepted, in bytes.</summary>
    public int MaxWebhookBytes { get; set; } = 1024 * 1024;
}
