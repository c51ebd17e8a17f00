using ResponseMonitor.Domain.Text;

namespace ResponseMonitor.App.Api;

/// <summary>application/problem+json answers that say what was wrong.</summary>
internal static class Problems
{
    public static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.");

    public static IResult UnknownChannel(string channelId) =>
        Results.Problem($"No channel '{ErrorText.Quote(channelId)}' is configured.", statusCode: StatusCodes.Status404NotFound, title: "Unknown channel.");

    public static IResult UnknownBrand(string brand) =>
        Results.Problem($"No channel belongs to brand '{ErrorText.Quote(brand)}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown brand.");

    public static IResult Unauthorized(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Not authorised.");
}
