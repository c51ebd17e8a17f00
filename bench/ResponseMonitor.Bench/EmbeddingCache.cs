using System.Security.Cryptography;
using System.Text;
using ResponseMonitor.Domain.Critics.Models;

namespace ResponseMonitor.Bench;

/// <summary>
/// Embeddings of a list of texts kept in a file named by the SHA-256 of the texts, so a second run of the recipe on
/// the same data (another head, another mapping) does not embed 50,000 texts again. The file is a cache: deleting it
/// changes nothing but the time.
/// </summary>
internal static class EmbeddingCache
{
    public static float[][] Embed(MiniLmEncoder encoder, IReadOnlyList<string> texts, string? folder)
    {
        if (folder is null)
        {
            return encoder.Embed(texts, CancellationToken.None);
        }

        Directory.CreateDirectory(folder);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u0001', texts)));
        var path = Path.Combine(folder, $"minilm-{Convert.ToHexStringLower(hash)[..16]}-{texts.Count}.bin");
        if (File.Exists(path))
        {
            var bytes = File.ReadAllBytes(path);
            return [.. Enumerable.Range(0, texts.Count).Select(i => bytes.AsSpan(i * MiniLmEncoder.Dimensions * 4, MiniLmEncoder.Dimensions * 4).ToArray())
                .Select(b => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(b).ToArray())];
        }

        var embeddings = encoder.Embed(texts, CancellationToken.None);
        using (var file = File.Create(path + ".tmp"))
        {
            foreach (var vector in embeddings)
            {
                file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));
            }
        }

        File.Move(path + ".tmp", path, overwrite: true);
        return embeddings;
    }
}
