using System.Collections.Frozen;
using System.Security.Cryptography;

namespace ResponseMonitor.App.Api.DashboardPage;

/// <summary>
/// The dashboard page's files (web/ in the repository, copied beside the program into <c>dashboard/</c>), read once and
/// served from memory with an ETag. Only the files that are there can be asked for: a request names a key of this
/// map, never a path on disk.
/// </summary>
internal sealed class DashboardAssets
{
    public const string FolderName = "dashboard";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly Lazy<FrozenDictionary<string, DashboardAsset>> _assets;

    public DashboardAssets()
        : this(Path.Combine(AppContext.BaseDirectory, FolderName))
    {
    }

    public DashboardAssets(string folder) => _assets = new(() => Load(folder));

    public DashboardAsset? Find(string? name) => _assets.Value.GetValueOrDefault(string.IsNullOrEmpty(name) ? "index.html" : name);

    public int Count => _assets.Value.Count;

    private static FrozenDictionary<string, DashboardAsset> Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return FrozenDictionary<string, DashboardAsset>.Empty;
        }

        return Directory.EnumerateFiles(folder)
            .Where(f => ContentTypes.ContainsKey(Path.GetExtension(f)))
            .Select(f =>
            {
                var bytes = File.ReadAllBytes(f);
                var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"";
                return new DashboardAsset(Path.GetFileName(f), bytes, ContentTypes[Path.GetExtension(f)], etag);
            })
            .ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);
    }
}
