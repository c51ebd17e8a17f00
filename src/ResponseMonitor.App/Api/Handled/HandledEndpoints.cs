using ResponseMonitor.App.Functions;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Handling;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.App.Api.Handled;

/// <summary>
/// Handled marks: a person closes a public comment that needs no answer on the channel
/// (<c>POST /api/items/{channelId}/{itemId}/handled</c>), undoes it (<c>DELETE</c>) and reads its history (<c>GET</c>).
/// A marked comment leaves the waiting list and the response clock and is listed in <c>/api/metrics/exclusions</c>
/// with who, when and why; it stays in history. Marks are idempotent: the same reason again changes nothing.
/// </summary>
public static class HandledEndpoints
{
    private const string Template = "items/{channelId}/{itemId}/handled";

    /// <summary>This feature's routes, served by both hosts.</summary>
    internal static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        ApiRoute.Post(FunctionNames.MarkHandled, Template, MarkAsync),
        ApiRoute.Delete(FunctionNames.UnmarkHandled, Template, UnmarkAsync),
        ApiRoute.Get(FunctionNames.GetHandled, Template, GetAsync),
    ];

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["$.reason"] = $"one of {string.Join(", ", HandledReasons.All)}",
        ["$.by"] = "a string naming who marks it",
        ["$.note"] = "a string",
    };

    private static async Task<IResult> MarkAsync(string channelId, string itemId, HttpRequest request, IChannelCatalog catalog, HandledMarkService handling, IHandledMarkStore marks, CancellationToken cancellationToken)
    {
        if (catalog.Find(channelId) is not { } channel)
        {
            return Problems.UnknownChannel(channelId);
        }

        var (body, problem) = await JsonBody.ReadAsync(request, ApiJsonContext.Default.HandledRequest, "{\"reason\": \"no-reply-needed\", \"by\": \"…\", \"note\": \"…\"}", Fields, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (!HandledReasons.TryParse(body!.Reason, out var reason))
        {
            return Problems.BadRequest($"'reason' must be one of {string.Join(", ", HandledReasons.All)}, not '{body.Reason}'.");
        }

        var by = body.By?.Trim();
        var note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        if (string.IsNullOrEmpty(by))
        {
            return Problems.BadRequest("'by' is required: a mark says who decided the comment needs no answer.");
        }

        // Every field is stored in one table entity: refuse, naming the field, what a property cannot hold.
        if (by.Length > 256 || note?.Length > 2_000)
        {
            return Problems.BadRequest(by.Length > 256 ? $"'by' has {by.Length} characters; at most 256." : $"'note' has {note!.Length} characters; at most 2000.");
        }

        var result = await handling.MarkAsync(channel, itemId, reason, by, note, cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            HandledMarkOutcome.UnknownItem => UnknownItem(channel.Id, itemId),
            HandledMarkOutcome.BrandItem => Problems.BadRequest($"Item '{itemId}' is the brand's own; only what the public wrote can be marked handled."),
            _ => Results.Json(
                await Answer(result.Mark!, marks, cancellationToken).ConfigureAwait(false),
                ApiJsonContext.Default.HandledMarkResponse,
                statusCode: result.Outcome == HandledMarkOutcome.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK),
        };
    }

    private static async Task<IResult> UnmarkAsync(string channelId, string itemId, HttpRequest request, IChannelCatalog catalog, HandledMarkService handling, CancellationToken cancellationToken)
    {
        if (catalog.Find(channelId) is not { } channel)
        {
            return Problems.UnknownChannel(channelId);
        }

        var q = new ApiQuery(request.Query);
        q.Only("by");
        var by = q.String("by")?.Trim();
        if (q.Error is not null || by?.Length > 256)
        {
            return Problems.BadRequest(q.Error ?? "'by' has more than 256 characters.");
        }

        return await handling.UnmarkAsync(channel, itemId, string.IsNullOrEmpty(by) ? null : by, cancellationToken).ConfigureAwait(false) is null
            ? NotMarked(channel.Id, itemId)
            : Results.NoContent();
    }

    private static async Task<IResult> GetAsync(string channelId, string itemId, IChannelCatalog catalog, IHandledMarkStore marks, CancellationToken cancellationToken)
    {
        if (catalog.Find(channelId) is not { } channel)
        {
            return Problems.UnknownChannel(channelId);
        }

        return await marks.GetAsync(channel.Id, itemId, cancellationToken).ConfigureAwait(false) is { } mark
            ? Results.Json(await Answer(mark, marks, cancellationToken).ConfigureAwait(false), ApiJsonContext.Default.HandledMarkResponse)
            : NotMarked(channel.Id, itemId);
    }

    internal static HandledMarkDto Map(HandledMark m) =>
        new(m.ChannelId, m.ItemId, HandledReasons.Name(m.Reason), m.MarkedBy, m.Note, m.MarkedAt, m.IsActive, m.UndoneAt, m.UndoneBy);

    private static async Task<HandledMarkResponse> Answer(HandledMark mark, IHandledMarkStore marks, CancellationToken cancellationToken)
    {
        var history = await marks.GetHistoryAsync(mark.ChannelId, mark.ItemId, cancellationToken).ConfigureAwait(false);
        return new HandledMarkResponse(Map(mark), [.. history.Select(h => new HandledEventDto(h.Event, HandledReasons.Name(h.Reason), h.By, h.Note, h.At))]);
    }

    private static IResult UnknownItem(string channelId, string itemId) =>
        Results.Problem($"Channel '{channelId}' has no stored item '{itemId}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown item.");

    private static IResult NotMarked(string channelId, string itemId) =>
        Results.Problem($"Item '{itemId}' of channel '{channelId}' was never marked handled.", statusCode: StatusCodes.Status404NotFound, title: "Not marked.");
}
