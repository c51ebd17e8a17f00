using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ResponseMonitor.App.Api;
using ResponseMonitor.App.Configuration;
using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.App.Demo;

/// <summary>
/// The demo brand's channels in each platform's own wire format, so that the real connectors read them in demo mode
/// exactly as they read the platforms. One route for every platform: <c>/api/demo/platforms/{channelId}/{path}</c>
/// hands the request to the emulator of the channel's kind (<see cref="IDemoEmulator"/>, beside its connector).
/// Answers hold every seed item each time; the connectors' idempotent storage makes that harmless.
/// </summary>
internal static class DemoPlatformEndpoints
{
    private const string Template = "/demo/platforms/{channelId}/{**path}";
    private const int MaxBodyBytes = 64 * 1024;

    /// <param name="keyed">GETs, behind the API key as every route is.</param>
    /// <param name="open">POSTs, for session calls whose secret travels in the body (Bluesky's app password): the emulator checks it.</param>
    public static void MapDemoPlatformEndpoints(this RouteGroupBuilder keyed, RouteGroupBuilder open)
    {
        ArgumentNullException.ThrowIfNull(keyed);
        ArgumentNullException.ThrowIfNull(open);
        keyed.MapGet(Template, (string channelId, string? path, DemoFeed feed, PlatformRegistry platforms, IOptions<ApiOptions> options, TimeProvider time) =>
            Answer(new DemoCall(channelId, "GET", path, KeyChecked: true, Body: default), feed, platforms, options.Value.Key, time));
        open.MapPost(Template, async (string channelId, string? path, HttpRequest request, DemoFeed feed, PlatformRegistry platforms, IOptions<ApiOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.Length > MaxBodyBytes
                ? Problems.BadRequest($"A demo platform call's body is at most {MaxBodyBytes} bytes.")
                : Answer(new DemoCall(channelId, "POST", path, KeyChecked: false, buffer.ToArray()), feed, platforms, options.Value.Key, time);
        });
    }

    private static IResult Answer(DemoCall call, DemoFeed feed, PlatformRegistry platforms, string? key, TimeProvider time)
    {
        if (feed.KindOf(call.ChannelId) is not { } kind || feed.Items(call.ChannelId) is not { } items)
        {
            return Problems.UnknownChannel(call.ChannelId);
        }

        var request = new DemoRequest(call.ChannelId, call.Method, call.Path ?? "", items, feed.BrandOf(call.ChannelId), time.GetUtcNow(), call.KeyChecked, call.Body, secret => IsKey(secret, key));
        return platforms.Emulator(kind)?.Answer(request) is { } answer
            ? Results.Text(answer.Json, "application/json", Encoding.UTF8, answer.StatusCode)
            : Results.Problem($"The demo's {kind} platform has no {call.Method} {call.Path}.", statusCode: StatusCodes.Status404NotFound, title: "Not found.");
    }

    private static bool IsKey(string secret, string? key) =>
        !string.IsNullOrEmpty(key) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(key));

    private sealed record DemoCall(string ChannelId, string Method, string? Path, bool KeyChecked, ReadOnlyMemory<byte> Body);
}
