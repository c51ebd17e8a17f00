using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using ResponseMonitor.App.Configuration;

namespace ResponseMonitor.App.Api.ReadCache;

/// <summary>
/// The dashboard's reads, computed once and shared by every client for <see cref="ApiOptions.ReadCacheSeconds"/>.
/// A dashboard is read far more often than it changes: 200 clients polling it must cost storage what one does, so
/// concurrent requests for the same answer wait on one computation (single flight), and the bytes are reused until
/// they age out or something in this process writes (<see cref="Invalidate"/>). An aged answer is refreshed by one
/// request while the others keep getting it (for one more lifetime at most), so no client waits on a refresh; after a
/// write, everyone waits for the new answer. Another instance's writes show within two lifetimes. A failed
/// computation is not kept: the next request tries again.
/// </summary>
public sealed class ApiReadCache(TimeProvider time, IOptions<ApiOptions> options)
{
    private const int MaxEntries = 1024;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>How long an answer is reused; zero turns the cache off.</summary>
    public TimeSpan Lifetime { get; } = TimeSpan.FromSeconds(options.Value.ReadCacheSeconds);

    /// <summary>Drops every answer: called after anything in this process changed what the reads show.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>The answer for <paramref name="key"/>: reused while fresh, else computed once for all who ask now.</summary>
    /// <param name="key">The route and its canonical parameters.</param>
    /// <param name="compute">Builds the response object; runs without the request's cancellation, which belongs to one client of many.</param>
    /// <param name="typeInfo">The source-generated JSON contract of the response.</param>
    /// <param name="cancellationToken">This client's cancellation: stops its wait, not the shared computation.</param>
    public async Task<CachedJson> GetAsync<T>(string key, Func<CancellationToken, Task<T>> compute, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        if (Lifetime <= TimeSpan.Zero)
        {
            return Serialize(await compute(cancellationToken).ConfigureAwait(false), typeInfo);
        }

        while (true)
        {
            var generation = Interlocked.Read(ref _generation);
            if (_entries.Count >= MaxEntries)
            {
                // Keys vary with query parameters; an unbounded set of them must not grow the process.
                _entries.Clear();
            }

            var entry = _entries.GetOrAdd(key, _ => NewEntry(generation, compute, typeInfo, previous: null));
            if (entry.Generation < generation)
            {
                // Something was written since: whoever asks now waits for an answer that shows it.
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
                continue;
            }

            var task = entry.Answer.Value;
            if (task.IsCompletedSuccessfully)
            {
                if (time.GetUtcNow() - task.Result.CreatedAt < Lifetime)
                {
                    return task.Result;
                }

                // Aged out: one request starts the refresh; meanwhile everyone gets this answer (below).
                _entries.TryUpdate(key, NewEntry(generation, compute, typeInfo, task.Result), entry);
                continue;
            }

            // Stale while revalidating: no client waits for a refresh while an answer one lifetime older is at hand.
            if (!task.IsCompleted && entry.Previous is { } previous && time.GetUtcNow() - previous.CreatedAt < Lifetime * 2)
            {
                return previous;
            }

            try
            {
                return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Not kept: the next request computes afresh (this one reports the failure).
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
                throw;
            }
        }
    }

    private Entry NewEntry<T>(long generation, Func<CancellationToken, Task<T>> compute, JsonTypeInfo<T> typeInfo, CachedJson? previous) =>
        new(generation, new Lazy<Task<CachedJson>>(async () => Serialize(await compute(CancellationToken.None).ConfigureAwait(false), typeInfo)), previous);

    private CachedJson Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body), 0, 12) + "\"";
        return new CachedJson(body, etag, time.GetUtcNow());
    }

    private sealed record Entry(long Generation, Lazy<Task<CachedJson>> Answer, CachedJson? Previous);
}
