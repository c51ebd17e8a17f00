using System.IO.Compression;

namespace ResponseMonitor.App.Api.ReadCache;

/// <summary>A serialized read answer, shared by every client that asks within the cache's lifetime.</summary>
/// <param name="Body">UTF-8 JSON.</param>
/// <param name="ETag">A strong validator: a hash of <paramref name="Body"/>, quoted.</param>
/// <param name="CreatedAt">When it was computed, on the app's clock.</param>
internal sealed record CachedJson(ReadOnlyMemory<byte> Body, string ETag, DateTimeOffset CreatedAt)
{
    private readonly Lazy<byte[]> _gzip = new(() => Compress(Body));

    /// <summary>The body gzipped, once for all clients that accept it: JSON of this kind shrinks about ten times.</summary>
    public ReadOnlyMemory<byte> Gzip => _gzip.Value;

    private static byte[] Compress(ReadOnlyMemory<byte> body)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body.Span);
        }

        return buffer.ToArray();
    }
}
