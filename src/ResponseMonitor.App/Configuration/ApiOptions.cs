namespace ResponseMonitor.App.Configuration;

/// <summary><c>Api</c>: the HTTP API's key, read cache and standalone request limits.</summary>
internal sealed class ApiOptions
{
    /// <summary>The configuration section these options bind to.</summary>
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

    /// <summary>
    /// Standalone: requests served at once (0: four per processor). The rest wait their turn in order, so that however
    /// hard the API is read, the timer and the queue listener find the thread pool free (docs/PERFORMANCE.md).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 100_000)]
    public int MaxConcurrentRequests { get; set; }

    /// <summary>Standalone: requests waiting for a turn before more are answered 503 with Retry-After.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 1_000_000)]
    public int MaxQueuedRequests { get; set; } = 10_000;

    /// <summary>Largest webhook body accepted, in bytes.</summary>
    public int MaxWebhookBytes { get; set; } = 1024 * 1024;
}
