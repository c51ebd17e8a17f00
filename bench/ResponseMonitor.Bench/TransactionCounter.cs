using Azure.Core;
using Azure.Core.Pipeline;

namespace ResponseMonitor.Bench;

/// <summary>
/// Counts every request the storage clients send (one request is one billed storage transaction), the queue service
/// apart from the rest when <see cref="QueueAuthority"/> is set.
/// </summary>
internal sealed class TransactionCounter : HttpPipelineSynchronousPolicy
{
    private long _tables;
    private long _queues;

    /// <summary>The queue service's host and port; requests to it count as <see cref="Queues"/>.</summary>
    public string QueueAuthority { get; set; } = "";

    public long Count => Tables + Queues;

    /// <summary>Requests to every service but the queue's (tables and blobs).</summary>
    public long Tables => Interlocked.Read(ref _tables);

    public long Queues => Interlocked.Read(ref _queues);

    /// <summary>With <c>BENCH_TRACE_REQUESTS=1</c>, requests are also counted by kind (<see cref="Breakdown"/>), to trace a count that moved.</summary>
    public bool Trace { get; init; } = Environment.GetEnvironmentVariable("BENCH_TRACE_REQUESTS") == "1";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _kinds = new(StringComparer.Ordinal);

    /// <summary>Requests since the last <see cref="Reset"/> by method, resource (the storage prefix left out) and shape.</summary>
    public string Breakdown() => string.Join(Environment.NewLine, _kinds.OrderByDescending(k => k.Value).Select(k => $"  {k.Value,7} {k.Key}"));

    /// <summary><see cref="Breakdown"/>, then the kinds alone zeroed (the counts go on).</summary>
    public string TakeBreakdown()
    {
        var text = Breakdown();
        _kinds.Clear();
        return text;
    }

    /// <summary>Zeroes the counts; returns the total before.</summary>
    public long Reset()
    {
        _kinds.Clear();
        return Interlocked.Exchange(ref _tables, 0) + Interlocked.Exchange(ref _queues, 0);
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Trace)
        {
            _kinds.AddOrUpdate(Kind(message.Request), 1, (_, n) => n + 1);
        }

        if (QueueAuthority.Length > 0 && string.Equals(message.Request.Uri.ToUri().Authority, QueueAuthority, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _queues);
        }
        else
        {
            Interlocked.Increment(ref _tables);
        }
    }

    private static string Kind(Request request)
    {
        var uri = request.Uri.ToUri();
        var path = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).FirstOrDefault() ?? "";
        var resource = System.Text.RegularExpressions.Regex.Replace(Uri.UnescapeDataString(path.Split('(')[0]), "^[a-z]+[0-9a-f]{8}", "");
        var shape = path.Contains("RowKey=", StringComparison.Ordinal) ? " point" : uri.Query.Contains("%24filter", StringComparison.Ordinal) || uri.Query.Contains("$filter", StringComparison.Ordinal) ? " query" : "";
        return $"{request.Method} {resource}{shape}";
    }
}
