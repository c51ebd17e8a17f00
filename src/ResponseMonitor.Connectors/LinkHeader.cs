using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ResponseMonitor.Connectors;

/// <summary>RFC 8288 <c>Link</c> headers: <c>&lt;url&gt;; rel="next", &lt;url&gt;; rel="prev"</c>.</summary>
internal static partial class LinkHeader
{
    public static Uri? Find(HttpResponseHeaders headers, string relation)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (Match match in values.SelectMany(v => LinkPattern().Matches(v)))
        {
            if (match.Groups["rel"].Value.Split(' ').Contains(relation, StringComparer.OrdinalIgnoreCase)
                && Uri.TryCreate(match.Groups["url"].Value, UriKind.Absolute, out var url))
            {
                return url;
            }
        }

        return null;
    }

    [GeneratedRegex("<(?<url>[^>]+)>\\s*;\\s*rel=\"?(?<rel>[^\",;]+)\"?")]
    private static partial Regex LinkPattern();
}
