using ResponseMonitor.App.Functions;
using ResponseMonitor.Domain.Text;

namespace ResponseMonitor.App.Api.DashboardPage;

/// <summary>
/// <c>GET /api/ui/{file}</c>: the dashboard page (web/), with no key, since the files hold no data; the page asks for the
/// key and sends it with every API call. Strict Content-Security-Policy (no inline script, nothing off this origin),
/// ETag revalidation, and a short cache for scripts and styles.
/// </summary>
internal static class DashboardPageEndpoints
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>This feature's routes, served by both hosts.</summary>
    internal static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        ApiRoute.Get(FunctionNames.DashboardPage, "ui/{*file}", GetAsset, anonymous: true),
    ];

    private static Results<FileContentHttpResult, RedirectHttpResult, ProblemHttpResult, StatusCodeHttpResult> GetAsset(string? file, HttpContext context, DashboardAssets assets)
    {
        if (string.IsNullOrEmpty(file) && !context.Request.Path.Value!.EndsWith('/'))
        {
            // Relative links in the page resolve against /api/ui/, so the folder's own address ends with a slash.
            return TypedResults.Redirect(context.Request.PathBase + context.Request.Path + "/" + context.Request.QueryString);
        }

        if (assets.Find(file) is not { } asset)
        {
            return Problems.NotFound(
                "Not found.",
                assets.Count == 0 ? "The dashboard page is not in this build: the program's folder has no 'dashboard' files." : $"The dashboard has no file '{ErrorText.Quote(file)}'.");
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ETag = asset.ETag;
        headers.CacheControl = asset.ContentType.StartsWith("text/html", StringComparison.Ordinal) ? "no-cache" : "public, max-age=300, must-revalidate";
        if (context.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }
}
