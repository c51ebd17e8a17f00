using System.Net;
using System.Text.RegularExpressions;

namespace ResponseMonitor.Connectors.Mastodon;

/// <summary>Mastodon sends status content as HTML; the monitor wants what a reader sees.</summary>
internal static partial class MastodonText
{
    public static string FromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var withBreaks = BreakPattern().Replace(html, "\n");
        var text = WebUtility.HtmlDecode(TagPattern().Replace(withBreaks, ""));
        return text.Trim();
    }

    [GeneratedRegex(@"<br\s*/?>|</p>\s*<p>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
