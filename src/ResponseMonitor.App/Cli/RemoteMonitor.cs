using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ResponseMonitor.App.Cli;

/// <summary>
/// A running monitor reached over its own HTTP API, for the verbs given <c>--url</c> (or <c>RESPONSEMONITOR_URL</c>):
/// the key is <c>Api:Key</c> from the environment or <c>--Api:Key=</c>, sent as <c>x-api-key</c>. The verbs then need no
/// storage settings, so the demo of ./run.sh (Azurite in memory) is reachable from a second terminal.
/// </summary>
internal sealed class RemoteMonitor(Uri baseAddress, string key, HttpMessageHandler? handler = null) : IDisposable
{
    public const string UrlVariable = "RESPONSEMONITOR_URL";

    private readonly HttpClient _http = new(handler ?? new SocketsHttpHandler(), disposeHandler: handler is null)
    {
        BaseAddress = baseAddress,
        // An import of a few years of history streams for minutes; the server answers when it has stored it all.
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public Uri BaseAddress => baseAddress;

    /// <summary>
    /// The monitor named by <c>--url</c> (removed from <paramref name="args"/>) or the environment, or null for a verb
    /// that opens storage itself; <paramref name="error"/> says what is missing.
    /// </summary>
    public static RemoteMonitor? From(ref string[] args, Func<string, string?> environment, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        error = null;
        string? url = null;
        var rest = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--url")
            {
                url = i + 1 < args.Length ? args[++i] : "";
            }
            else if (args[i].StartsWith("--url=", StringComparison.Ordinal))
            {
                url = args[i]["--url=".Length..];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        args = [.. rest];
        url ??= environment(UrlVariable);
        if (url is null)
        {
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            error = $"--url must be the monitor's http(s) address, such as http://127.0.0.1:7071, not '{url}'.";
            return null;
        }

        var configuration = new ConfigurationBuilder().AddCommandLine([.. rest.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))]).Build();
        var key = configuration["Api:Key"] ?? environment("Api__Key");
        if (string.IsNullOrWhiteSpace(key))
        {
            error = $"Set Api__Key to the monitor's API key (./run.sh prints it) to reach {address}.";
            return null;
        }

        return new RemoteMonitor(new Uri(address.GetLeftPart(UriPartial.Authority) + "/"), key);
    }

    /// <summary>Sends a request and reads the answer: its JSON is returned, a refusal's detail written on <paramref name="stderr"/>.</summary>
    public async Task<RemoteAnswer> SendAsync(HttpMethod method, string path, TextWriter stderr, Stream? body = null, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-api-key", key);
        if (body is not null)
        {
            request.Content = new StreamContent(body, 64 * 1024);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/octet-stream");
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            await stderr.WriteLineAsync($"Cannot reach the monitor at {baseAddress}: {ex.Message} Is ./run.sh running?").ConfigureAwait(false);
            return new RemoteAnswer(0, null);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return new RemoteAnswer((int)response.StatusCode, text.Length == 0 ? null : text);
            }

            var detail = Detail(text) ?? $"{(int)response.StatusCode} {response.ReasonPhrase}";
            await stderr.WriteLineAsync(response.StatusCode == HttpStatusCode.Unauthorized
                ? $"The monitor at {baseAddress} refused the key: {detail} Set Api__Key to the key it printed."
                : detail).ConfigureAwait(false);
            return new RemoteAnswer((int)response.StatusCode, text);
        }
    }

    private static string? Detail(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}
