using ResponseMonitor.App.Api.ReadCache;
using ResponseMonitor.App.Functions;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Privacy;

namespace ResponseMonitor.App.Api.Authors;

/// <summary>
/// The rights of one member of the public (docs/PRIVACY.md): export everything stored about them, or erase it.
/// An author is the platform's author id on one channel. Both need the API key.
/// </summary>
internal static class AuthorEndpoints
{
    /// <summary>Longer ids are refused, as ingestion refuses them (ItemRules).</summary>
    private const int MaxAuthorIdLength = 256;

    internal static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        ApiRoute.Get(FunctionNames.ExportAuthor, "authors/{channelId}/{authorId}", ExportAsync),
        ApiRoute.Delete(FunctionNames.EraseAuthor, "authors/{channelId}/{authorId}", EraseAsync),
    ];

    private static async Task<Results<Ok<AuthorExportResponse>, ProblemHttpResult>> ExportAsync(string channelId, string authorId, IChannelCatalog catalog, PersonalDataService data, TimeProvider time, CancellationToken cancellationToken)
    {
        if (TooLong(authorId) is { } refusal)
        {
            return refusal;
        }

        var channel = KnownChannelFilter.Known(catalog, channelId);
        var record = await data.ExportAsync(channel, authorId, cancellationToken).ConfigureAwait(false);
        if (record.Items.Count == 0)
        {
            return UnknownAuthor(channel.Id);
        }

        return TypedResults.Ok(Export(channel, record, time.GetUtcNow()));
    }

    /// <summary>The export's JSON, for the API and the CLI alike.</summary>
    public static AuthorExportResponse Export(ChannelDefinition channel, AuthorRecord record, DateTimeOffset now) => new(
        channel.Id,
        record.AuthorId,
        now,
        [.. record.Items.OrderBy(i => i.CreatedAt).Select(i => new AuthorItemDto(i.Id, i.ParentId, i.ThreadId, i.Kind.ToString().ToLowerInvariant(), i.AuthorId, i.AuthorName, i.CreatedAt, i.EditedAt, i.Text, i.Url, i.Truncated))],
        [.. record.OpenComments.Select(o => ApiMapper.Unanswered(channel, o, now))],
        [.. record.Labels.Select(l => new CriticLabelDto(l.ChannelId, l.ItemId, l.Critical ? "critical" : "not_critical", l.LabelledAt))],
        [.. record.Warnings.Select(ApiMapper.Warning)],
        [.. record.History.Select(ApiMapper.History)],
        [.. record.Deliveries.Select(ApiMapper.Delivery)]);

    /// <summary>The erasure's JSON, for the API and the CLI alike.</summary>
    public static AuthorErasureResponse Erasure(string authorId, AuthorErasure erased) => new(
        erased.ChannelId,
        authorId,
        new Dictionary<string, int> { ["items"] = erased.Items, ["openComments"] = erased.OpenComments, ["labels"] = erased.Labels },
        new Dictionary<string, int> { ["warnings"] = erased.Redacted.Warnings, ["history"] = erased.Redacted.History, ["deliveries"] = erased.Redacted.Deliveries },
        erased.ModelsToRetrain,
        ErasedAuthorRecorded: true);

    private static async Task<Results<Ok<AuthorErasureResponse>, ProblemHttpResult>> EraseAsync(string channelId, string authorId, [AsParameters] AuthorErasureServices services, CancellationToken cancellationToken)
    {
        if (TooLong(authorId) is { } refusal)
        {
            return refusal;
        }

        var (catalog, data, store, reads) = (services.Catalog, services.Data, services.Store, services.Reads);
        var channel = KnownChannelFilter.Known(catalog, channelId);
        // Read here only to answer 404 without recording anyone; EraseAsync reads again after it has put the author on
        // the erased list, so that an item a poll stores in between is not left behind.
        var stored = await store.GetItemsByAuthorAsync(channel.Id, authorId, cancellationToken).ConfigureAwait(false);
        if (stored.Count == 0 && !(await store.GetErasedAuthorsAsync(channel.Id, cancellationToken).ConfigureAwait(false)).Contains(AuthorKey.Of(channel.Id, authorId)))
        {
            return UnknownAuthor(channel.Id);
        }

        var erased = await data.EraseAsync(channel, authorId, cancellationToken).ConfigureAwait(false);
        reads.Invalidate();
        return TypedResults.Ok(Erasure(authorId, erased));
    }

    private static ProblemHttpResult? TooLong(string authorId) =>
        authorId.Length > MaxAuthorIdLength ? Problems.BadRequest($"authorId must be at most {MaxAuthorIdLength} characters, not {authorId.Length}.") : null;

    private static ProblemHttpResult UnknownAuthor(string channelId) =>
        Problems.NotFound("Unknown author.", $"Nothing is stored about this author on channel '{channelId}'.");
}
