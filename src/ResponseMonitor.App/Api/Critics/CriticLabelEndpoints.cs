using ResponseMonitor.App.Api.Paging;
using ResponseMonitor.App.Functions;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Critics.Learning;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Text;

namespace ResponseMonitor.App.Api.Critics;

/// <summary>
/// Labels community managers give stored comments from the dashboard ("a critic", "not a critic"), kept per brand and
/// trained on with <c>POST /api/critics/models/{brand}/from-labels</c>:
/// <c>POST /api/critics/labels</c> (1 to 1,000 at once), <c>GET /api/critics/labels?brand=&amp;limit=</c>,
/// <c>DELETE /api/critics/labels/{channelId}/{itemId}</c>.
/// </summary>
internal static class CriticLabelEndpoints
{
    public const int MaxLabels = 1000;

    /// <summary>This feature's routes, served by both hosts.</summary>
    internal static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        ApiRoute.Post(FunctionNames.SaveCriticLabels, "critics/labels", SaveAsync),
        ApiRoute.Get(FunctionNames.ListCriticLabels, "critics/labels", ListAsync),
        ApiRoute.Delete(FunctionNames.DeleteCriticLabel, "critics/labels/{channelId}/{itemId}", DeleteAsync),
        ApiRoute.Post(FunctionNames.TrainCriticModelFromLabels, "critics/models/{brand}/from-labels", TrainAsync),
    ];

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["$.labels"] = "an array of {channelId, itemId, label} objects",
        ["$.labels[]"] = "an object with channelId, itemId and label (critical or not_critical)",
        ["$.labels[].channelId"] = "a string",
        ["$.labels[].itemId"] = "a string",
        ["$.labels[].label"] = "the string critical or not_critical",
    };

    private static async Task<Results<Ok<CriticLabelsStoredResponse>, ProblemHttpResult>> SaveAsync(HttpRequest request, IChannelCatalog catalog, IItemStore items, ICriticLabelStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, ApiJsonContext.Default.CriticLabelRequest, "{\"labels\": [{\"channelId\": \"…\", \"itemId\": \"…\", \"label\": \"critical\"}]}", Fields, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var given = body?.Labels;
        if (given is null || given.Count == 0 || given.Count > MaxLabels)
        {
            return Problems.BadRequest($"'labels' must hold 1 to {MaxLabels} labels; got {given?.Count ?? 0}.");
        }

        var now = time.GetUtcNow();
        var labels = new List<CommentLabel>(given.Count);
        for (var i = 0; i < given.Count; i++)
        {
            var dto = given[i];
            if (dto?.ChannelId is null || catalog.Find(dto.ChannelId) is not { } channel)
            {
                return Problems.BadRequest($"labels[{i}]: no channel '{dto?.ChannelId}' is configured.");
            }

            if (string.IsNullOrEmpty(dto.ItemId))
            {
                return Problems.BadRequest($"labels[{i}]: 'itemId' is missing.");
            }

            bool? critical = dto.Label switch { "critical" => true, "not_critical" => false, _ => null };
            if (critical is null)
            {
                return Problems.BadRequest($"labels[{i}]: 'label' must be 'critical' or 'not_critical', not '{ErrorText.Quote(dto.Label)}'.");
            }

            labels.Add(new CommentLabel(channel.Brand, channel.Id, dto.ItemId, critical.Value, now));
        }

        // A label teaches only through the comment's text: refuse labels for comments the monitor never stored.
        foreach (var channel in labels.GroupBy(l => l.ChannelId, StringComparer.Ordinal))
        {
            var ids = channel.Select(l => l.ItemId).Distinct(StringComparer.Ordinal).ToList();
            var stored = await items.GetAsync(channel.Key, ids, cancellationToken).ConfigureAwait(false);
            if (ids.FirstOrDefault(id => !stored.ContainsKey(id)) is { } missing)
            {
                return Problems.NotFound("Unknown item.", $"Channel '{channel.Key}' has no stored item '{ErrorText.Quote(missing)}'; nothing was stored.");
            }
        }

        await store.SaveAsync(labels, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new CriticLabelsStoredResponse(labels.Count));
    }

    /// <summary>A brand's labels newest first, a page at a time (README.md, "Paging"): <c>limit</c> (1–1000, 100), <c>after</c>.</summary>
    private static async Task<Results<Ok<CriticLabelListResponse>, ProblemHttpResult>> ListAsync(HttpRequest request, IChannelCatalog catalog, ICriticLabelStore store, CancellationToken cancellationToken)
    {
        var q = new ApiQuery(request.Query);
        q.Only("brand", "limit", "after");
        var brandText = q.String("brand");
        var page = PageRequest.Read(q, "critics/labels", 3);
        if (q.Error is not null || brandText is null)
        {
            return Problems.BadRequest(q.Error ?? "'brand' is required.");
        }

        if (catalog.FindBrand(brandText) is not { } brand)
        {
            return Problems.UnknownBrand(brandText);
        }

        var labels = await store.ListAsync(brand, cancellationToken).ConfigureAwait(false);
        var critical = labels.Count(l => l.Critical);
        var shown = page.Take(labels, l => [PageRequest.Newest(l.LabelledAt), l.ChannelId, l.ItemId]);
        return TypedResults.Ok(new CriticLabelListResponse(
            brand,
            labels.Count,
            critical,
            labels.Count - critical,
            [.. shown.Items.Select(l => new CriticLabelDto(l.ChannelId, l.ItemId, l.Critical ? "critical" : "not_critical", l.LabelledAt))],
            shown.NextAfter));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string channelId, string itemId, IChannelCatalog catalog, ICriticLabelStore store, CancellationToken cancellationToken)
    {
        var channel = KnownChannelFilter.Known(catalog, channelId);
        return await store.DeleteAsync(channel.Brand, channel.Id, itemId, cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : Problems.NotFound("No label.", $"Item '{ErrorText.Quote(itemId)}' of channel '{channel.Id}' has no label.");
    }

    private static async Task<Results<Ok<CriticTrainingResponse>, ProblemHttpResult>> TrainAsync(string brand, IChannelCatalog catalog, CriticModelService models, CancellationToken cancellationToken)
    {
        if (catalog.FindBrand(brand) is not { } known)
        {
            return Problems.UnknownBrand(brand);
        }

        return CriticModelEndpoints.Answer(await models.TrainFromLabelsAsync(known, cancellationToken).ConfigureAwait(false));
    }
}
