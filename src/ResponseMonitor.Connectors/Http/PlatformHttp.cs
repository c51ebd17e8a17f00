using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Http;

/// <summary>
/// The one path every platform connector calls through: the request authorised by the connector, the answer judged by
/// the platform's <see cref="IPlatformErrorClassifier"/>, and each kind of fault turned into what the poller acts on
/// (<see cref="PlatformFault.ToException"/>). An expired session is renewed once; a spent call budget holds the
/// channel's next call, in this poll or the next, until the platform's reset instead of spending a request on a 429.
/// One instance per connector, shared by its channels.
/// </summary>
internal sealed class PlatformHttp(IPlatformErrorClassifier classifier, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, PlatformFault> _spent = new(StringComparer.Ordinal);

    public string Platform => classifier.Platform;

    /// <summary>The answer when it is the data; null for a 404 the request allows; otherwise throws.</summary>
    public async Task<PlatformAnswer?> SendAsync(PlatformRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_spent.TryGetValue(request.ChannelId, out var spent))
        {
            if (spent.Until > time.GetUtcNow())
            {
                throw spent.ToException(Platform, request.What, time.GetUtcNow());
            }

            _spent.TryRemove(KeyValuePair.Create(request.ChannelId, spent));
        }

        for (var attempt = 0; ; attempt++)
        {
            PlatformAnswer answer;
            try
            {
                using var message = new HttpRequestMessage(request.Method, request.Url) { Content = request.Content?.Invoke() };
                if (request.Authorise is { } authorise)
                {
                    await authorise(message, cancellationToken).ConfigureAwait(false);
                }

                using var response = await request.Client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                answer = new PlatformAnswer(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, body);
            }
            catch (Exception ex) when (ConnectorFaults.IsTransport(ex, cancellationToken))
            {
                throw ConnectorFaults.Transport(ex, $"{Platform} {request.What}");
            }

            var now = time.GetUtcNow();
            var fault = classifier.Classify(answer, now) ?? Default(answer);
            if (fault is null)
            {
                if (classifier.BudgetSpent(answer, now) is { } budget)
                {
                    _spent[request.ChannelId] = budget;
                }

                return answer;
            }

            if (fault.Kind == PlatformFaultKind.SessionExpired && attempt == 0 && request.Renew is { } renew
                && await renew(cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (fault.Kind == PlatformFaultKind.NotFound && request.NotFoundIsEmpty)
            {
                return null;
            }

            throw fault.ToException(Platform, request.What, now);
        }
    }

    /// <summary>The answer as <typeparamref name="T"/>; null for an allowed 404. A body that is not that JSON fails the poll.</summary>
    public async Task<T?> GetJsonAsync<T>(PlatformRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize(answer.Body, type);
        }
        catch (JsonException ex)
        {
            throw new ConnectorException($"{Platform} {request.What} is not the expected JSON: {ex.Message.Split('.')[0]}.", ex);
        }
    }

    /// <summary>The answer as a JSON document (for polymorphic shapes); null for an allowed 404.</summary>
    public async Task<JsonDocument?> GetDocumentAsync(PlatformRequest request, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(answer.Body);
        }
        catch (JsonException ex)
        {
            throw new ConnectorException($"{Platform} {request.What} is not JSON: {ex.Message.Split('.')[0]}.", ex);
        }
    }

    /// <summary>What an answer the platform's classifier left alone means by its status alone.</summary>
    private static PlatformFault? Default(PlatformAnswer answer) => answer.Code switch
    {
        >= 200 and < 300 => null,
        404 or 410 => new PlatformFault(PlatformFaultKind.NotFound, $"answered HTTP {answer.Code}"),
        >= 500 => new PlatformFault(PlatformFaultKind.Transient, $"answered HTTP {answer.Code}"),
        _ => new PlatformFault(PlatformFaultKind.Failed, $"answered HTTP {answer.Code}"),
    };
}
