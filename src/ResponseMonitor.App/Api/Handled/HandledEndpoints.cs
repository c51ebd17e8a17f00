using ResponseMonitor.App.Functions;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Handling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Text;

namespace ResponseMonitor.App.Api.Handled;

/// <summary>
/// Handled marks: a person closes a public comment that needs no answer on the channel
/// (<c>POST /api/items/{channelId}/{itemId}/handled</c>), undoes it (<c>DELETE</c>) and reads its history (<c>GET</c>).
/// A marked comment leaves the waiting list and the response clock and is listed in <c>/api/metrics/exclusions</c>
/// with who, when and why; it stays in history. Marks are idempotent: the same reason again changes nothing.
/// </summary>
internal static class HandledEndpoints
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

    private static async Task<Results<Created<HandledMarkResponse>, Ok<HandledMarkResponse>, ProblemHttpResult>> MarkAsync(string channelId, string itemId, HttpRequest request, [AsParameters] HandledServices services, CancellationToken cancellationToken)
    {
        var (handling, marks) = (services.Handling, services.Marks);
        var channel = KnownChannelFilter.Known(services.Catalog, channelId);

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
        switch (result.Outcome)
        {
            case HandledMarkOutcome.UnknownItem:
                return UnknownItem(channel.Id, itemId);
            case HandledMarkOutcome.BrandItem:
                return Problems.BadRequest($"Item '{itemId}' is the brand's own; only what the public wrote can be marked handled.");
        }

        var answer = await Answer(result.Mark!, marks, cancellationToken).ConfigureAwait(false);
        return result.Outcome == HandledMarkOutcome.Created
            ? TypedResults.Created($"/api/{Template.Replace("{channelId}", Uri.EscapeDataString(channel.Id), StringComparison.Ordinal).Replace("{itemId}", Uri.EscapeDataString(itemId), StringComparison.Ordinal)}", answer)
            : TypedResults.Ok(answer);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnmarkAsync(string channelId, string itemId, HttpRequest request, IChannelCatalog catalog, HandledMarkService handling, CancellationToken cancellationToken)
    {
        var channel = KnownChannelFilter.Known(catalog, channelId);

        var q = new ApiQuery(request.Query);
        q.Only("by");
        var by = q.String("by")?.Trim();
        if (q.Error is not null || by?.Length > 256)
        {
            return Problems.BadRequest(q.Error ?? "'by' has more than 256 characters.");
        }

        return await handling.UnmarkAsync(channel, itemId, string.IsNullOrEmpty(by) ? null : by, cancellationToken).ConfigureAwait(false) is null
            ? NotMarked(channel.Id, itemId)
            : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<HandledMarkResponse>, ProblemHttpResult>> GetAsync(string channelId, string itemId, IChannelCatalog catalog, IHandledMarkStore marks, CancellationToken cancellationToken)
    {
        var channel = KnownChannelFilter.Known(catalog, channelId);
        return await marks.GetAsync(channel.Id, itemId, cancellationToken).ConfigureAwait(false) is { } mark
            ? TypedResults.Ok(await Answer(mark, marks, cancellationToken).ConfigureAwait(false))
            : NotMarked(channel.Id, itemId);
    }

    internal static HandledMarkDto Map(HandledMark m) =>
        new(m.ChannelId, m.ItemId, HandledReasons.Name(m.Reason), m.MarkedBy, m.Note, m.MarkedAt, m.IsActive, m.UndoneAt, m.UndoneBy);

    private static async Task<HandledMarkResponse> Answer(HandledMark mark, IHandledMarkStore marks, CancellationToken cancellationToken)
    {
        var history = await marks.GetHistoryAsync(mark.ChannelId, mark.ItemId, cancellationToken).ConfigureAwait(false);
        return new HandledMarkResponse(Map(mark), [.. history.Select(h => new HandledEventDto(h.Event, HandledReasons.Name(h.Reason), h.By, h.Note, h.At))]);
    }

    private static ProblemHttpResult UnknownItem(string channelId, string itemId) =>
        Problems.NotFound("Unknown item.", $"Channel '{channelId}' has no stored item '{ErrorText.Quote(itemId)}'.");

    private static ProblemHttpResult NotMarked(string channelId, string itemId) =>
        Problems.NotFound("Not marked.", $"Item '{ErrorText.Quote(itemId)}' of channel '{channelId}' was never marked handled.");
}
