using System.ComponentModel.DataAnnotations;

namespace ResponseMonitor.Connectors.AzureLanguage;

/// <summary><c>Critics:AzureLanguage</c>: the Azure AI Language resource used when <c>Critics:Backend</c> is azure-language.</summary>
public sealed class AzureLanguageOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Critics:AzureLanguage";

    /// <summary>The resource's endpoint, e.g. https://my-language.cognitiveservices.azure.com/.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The resource key: from configuration or a Key Vault reference, never stored or logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The Language REST API version asked for (<c>api-version</c>).</summary>
    public string ApiVersion { get; set; } = "2023-04-01";

    /// <summary>A text whose negative confidence reaches this is critical.</summary>
    [Range(0.0, 1.0)]
    public double NegativeThreshold { get; set; } = 0.5;

    /// <summary>How long one attempt to the service may take; a failed call leaves the built-in verdict in place.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
