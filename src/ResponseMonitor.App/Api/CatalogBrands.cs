using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.App.Api;

/// <summary>Brands are not configured on their own: a brand exists when a channel names it.</summary>
internal static class CatalogBrands
{
    /// <summary>The brand as configured (its spelling), or null when no channel belongs to it.</summary>
    public static string? FindBrand(this IChannelCatalog catalog, string brand) =>
        catalog.All.Select(c => c.Brand).FirstOrDefault(b => string.Equals(b, brand, StringComparison.OrdinalIgnoreCase));
}
