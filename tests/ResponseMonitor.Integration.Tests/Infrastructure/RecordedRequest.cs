namespace ResponseMonitor.Integration.Tests.Infrastructure;

public sealed record RecordedRequest(string Method, string PathAndQuery, string Body, string Authorization)
{
    /// <summary>Every request header, first value, case-insensitive names.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
