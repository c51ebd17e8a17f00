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
/// request's write, everyone waits for the new answer; after a poll or an analysis, the refresh starts at once and the
/// answer before it is served until it is done. Another instance's writes show within two lifetimes. A failed
/// computation is not kept: the next request tries again.
/// </summary>
internal sealed class ApiReadCache(TimeProvider time, IOptions<ApiOptions> options)
{
    private const int MaxEntries = 1024;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;
    private long _staleGeneration;

    /// <summary>How long an answer is reused; zero turns the cache off.</summary>
    public TimeSpan Lifetime { get; } = TimeSpan.FromSeconds(options.Value.ReadCacheSeconds);

    /// <summary>Drops every answer: called after a request wrote, so that its client sees the change at once.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>
    /// Marks every answer as aged: called after a poll or an analysis, which nobody waits on. The next request
    /// starts a refresh and, like everyone until it is done, still gets the current answer.
    /// </summary>
    public void MarkStale() => Interlocked.Increment(ref _staleGeneration);

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
            var staleGeneration = Interlocked.Read(ref _staleGeneration);
            if (!_entries.TryGetValue(key, out var entry))
            {
                // Only on a miss: Count takes every lock of the dictionary, too dear for each request under load.
                if (_entries.Count >= MaxEntries)
                {
                    // Keys vary with query parameters; an unbounded set of them must not grow the process.
                    _entries.Clear();
                }

                entry = _entries.GetOrAdd(key, NewEntry(generation, staleGeneration, compute, typeInfo, previous: null));
            }

            if (entry.Generation < generation)
            {
                // Something was written since: whoever asks now waits for an answer that shows it.
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
                continue;
            }

            var task = entry.Answer.Value;
            if (task.IsCompletedSuccessfully)
            {
                if (time.GetUtcNow() - task.Result.CreatedAt < Lifetime && entry.StaleGeneration >= staleGeneration)
                {
                    return task.Result;
                }

                // Aged out, or a poll or analysis changed what it shows: one request starts the refresh; meanwhile
                // everyone gets this answer (below).
                _entries.TryUpdate(key, NewEntry(generation, staleGeneration, compute, typeInfo, task.Result), entry);
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

    private Entry NewEntry<T>(long generation, long staleGeneration, Func<CancellationToken, Task<T>> compute, JsonTypeInfo<T> typeInfo, CachedJson? previous) =>
        new(generation, staleGeneration, new Lazy<Task<CachedJson>>(async () => Serialize(await compute(CancellationToken.None).ConfigureAwait(false), typeInfo)), previous);

    private CachedJson Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body), 0, 12) + "\"";
        return new CachedJson(body, etag, time.GetUtcNow());
    }

    private sealed record Entry(long Generation, long StaleGeneration, Lazy<Task<CachedJson>> Answer, CachedJson? Previous);
}
