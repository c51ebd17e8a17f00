using System.ComponentModel.DataAnnotations;

namespace ResponseMonitor.Storage;

/// <summary>
/// Where state lives. Either a connection string (Azurite locally) or service URIs reached with a managed identity,
/// the same settings the Functions host reads as <c>AzureWebJobsStorage</c> / <c>AzureWebJobsStorage__*</c>.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Storage";

    /// <summary>A storage connection string (Azurite locally); takes precedence over the service URIs.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The Table service's URI, reached with a managed identity.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>The Queue service's URI, reached with a managed identity.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>The Blob service's URI, reached with a managed identity.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty uses DefaultAzureCredential.</summary>
    public string? ClientId { get; set; }

    /// <summary>Prefix of every table and container name: lets several monitors or test runs share one account.</summary>
    [RegularExpression("^[a-z][a-z0-9]{0,19}$", ErrorMessage = "Storage:Prefix must be 1-20 lower-case letters or digits, starting with a letter.")]
    public string Prefix { get; set; } = "rm";

    /// <summary>The AnalyzeChannel function's queue. In Azure it must stay the trigger's <c>analyze-channel</c> (AnalyzeChannelFunction.QueueName).</summary>
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "Storage:AnalysisQueueName must be a valid queue name.")]
    public string AnalysisQueueName { get; set; } = "analyze-channel";

    /// <summary>The PollChannel function's queue. In Azure it must stay the trigger's <c>poll-channel</c> (PollChannelFunction.QueueName).</summary>
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "Storage:PollQueueName must be a valid queue name.")]
    public string PollQueueName { get; set; } = "poll-channel";

    /// <summary>Per-request retries of the storage clients. Few, because the next poll or queue delivery retries anyway.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// How long one storage request may take before it counts as failed. With <see cref="MaxRetries"/> it bounds how
    /// long a hung account holds a caller: (MaxRetries + 1) × NetworkTimeout plus short retry delays, about 31 s by
    /// default, after which the API answers 503 with Retry-After.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasUris = TableServiceUri is not null && QueueServiceUri is not null && BlobServiceUri is not null;
        if (string.IsNullOrWhiteSpace(ConnectionString) && !hasUris)
        {
            yield return new ValidationResult(
                "Storage is not configured: set AzureWebJobsStorage (a connection string) or AzureWebJobsStorage__tableServiceUri, __queueServiceUri and __blobServiceUri.",
                [nameof(ConnectionString)]);
        }
    }
}
