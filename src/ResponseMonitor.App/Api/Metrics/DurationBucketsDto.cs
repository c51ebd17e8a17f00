using System.Text.Json.Serialization;

namespace ResponseMonitor.App.Api.Metrics;

/// <summary>Counts per band; each band includes its lower bound and excludes its upper one.</summary>
internal sealed record DurationBucketsDto(
    [property: JsonPropertyName("0-1h")] int UpTo1Hour,
    [property: JsonPropertyName("1-4h")] int From1To4Hours,
    [property: JsonPropertyName("4-8h")] int From4To8Hours,
    [property: JsonPropertyName("8-24h")] int From8To24Hours,
    [property: JsonPropertyName("over24h")] int Over24Hours);
