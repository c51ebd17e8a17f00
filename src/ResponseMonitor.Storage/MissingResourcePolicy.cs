using Azure.Core;
using Azure.Core.Pipeline;

namespace ResponseMonitor.Storage;

/// <summary>
/// Storage that comes back empty (an emulator restarted in memory, a table or queue deleted by hand) answers 404 with
/// <c>TableNotFound</c> or <c>QueueNotFound</c>. The app made those resources once at first use; this policy makes
/// the missing one again and sends the request once more, so every caller (API, poller, queue listener) carries on
/// instead of failing until a restart. Batches (<c>$batch</c>) name no table in their address and are healed by
/// <see cref="Tables.TableBatches"/>.
/// </summary>
internal sealed class MissingResourcePolicy(string errorCode, Func<Uri, string?> nameOf, Func<string, CancellationToken, Task> create) : HttpPipelinePolicy
{
    public const string TableNotFound = "TableNotFound";
    public const string QueueNotFound = "QueueNotFound";

    /// <summary>The table an entity request addresses: its last path segment without the key part, <c>name(PartitionKey=…)</c>.</summary>
    public static string? TableOf(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var last = uri.AbsolutePath.TrimEnd('/').Split('/')[^1];
        var name = Uri.UnescapeDataString(last.Split('(')[0]);
        return name.Length == 0 || name.StartsWith('$') || name.Equals("Tables", StringComparison.OrdinalIgnoreCase) ? null : name;
    }

    /// <summary>The queue a request addresses: the segment before <c>messages</c>, else the last one.</summary>
    public static string? QueueOf(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        var messages = Array.IndexOf(segments, "messages");
        var name = messages > 0 ? segments[messages - 1] : segments[^1];
        return name.Length == 0 ? null : name;
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        if (Missing(message) is { } name)
        {
            await create(name, message.CancellationToken).ConfigureAwait(false);
            message.Response.Dispose();
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        ProcessNext(message, pipeline);
        if (Missing(message) is { } name)
        {
            create(name, message.CancellationToken).GetAwaiter().GetResult();
            message.Response.Dispose();
            ProcessNext(message, pipeline);
        }
    }

    private string? Missing(HttpMessage message)
    {
        if (!message.HasResponse || message.Response.Status != 404)
        {
            return null;
        }

        // The code is in x-ms-error-code, or only in the error body (Azurite's table queries): a 404's body is small.
        var missing = (message.Response.Headers.TryGetValue("x-ms-error-code", out var code) && string.Equals(code, errorCode, StringComparison.Ordinal))
            || message.Response.Content.ToString().Contains(errorCode, StringComparison.Ordinal);
        return missing ? nameOf(message.Request.Uri.ToUri()) : null;
    }
}
