using ResponseMonitor.Domain.Text;

namespace ResponseMonitor.App.Api;

/// <summary>
/// application/problem+json answers that say what was wrong, as typed results. <see cref="ProblemHttpResult"/> rather
/// than <c>NotFound&lt;ProblemDetails&gt;</c>: the latter writes <c>application/json</c>, and RFC 9457's media type and
/// the host's problem details service (trace id, customisation) apply only to the former.
/// </summary>
internal static class Problems
{
    public static ProblemHttpResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "The request is not valid.", detail);

    public static ProblemHttpResult NotFound(string title, string detail) => Problem(StatusCodes.Status404NotFound, title, detail);

    public static ProblemHttpResult UnknownChannel(string channelId) =>
        NotFound("Unknown channel.", $"No channel '{ErrorText.Quote(channelId)}' is configured.");

    public static ProblemHttpResult UnknownBrand(string brand) =>
        NotFound("Unknown brand.", $"No channel belongs to brand '{ErrorText.Quote(brand)}'.");

    public static ProblemHttpResult Conflict(string title, string detail) => Problem(StatusCodes.Status409Conflict, title, detail);

    public static ProblemHttpResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "Not authorised.", detail);

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(detail, statusCode: status, title: title);
}
