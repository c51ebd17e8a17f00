namespace ResponseMonitor.Connectors.Http;

/// <summary>One call to a platform on behalf of a channel.</summary>
/// <param name="Client">The resilient client (retries and time-outs of <see cref="ConnectorOptions"/>).</param>
/// <param name="ChannelId">Whose budget and credentials the call uses.</param>
/// <param name="Url">What to ask for.</param>
/// <param name="What">What is read, for messages: "statuses page 2".</param>
internal sealed record PlatformRequest(HttpClient Client, string ChannelId, Uri Url, string What)
{
    public HttpMethod Method { get; init; } = HttpMethod.Get;

    /// <summary>Sets the request's credentials and headers; called again for a retry after a renewal.</summary>
    public Func<HttpRequestMessage, CancellationToken, ValueTask>? Authorise { get; init; }

    /// <summary>Renews an expired session; true when the request is worth sending once more.</summary>
    public Func<CancellationToken, ValueTask<bool>>? Renew { get; init; }

    /// <summary>A body for a POST, made anew for each attempt.</summary>
    public Func<HttpContent>? Content { get; init; }

    /// <summary>A 404 answers "nothing" instead of failing the poll: for sub-resources such as a deleted post's replies.</summary>
    public bool NotFoundIsEmpty { get; init; }
}
