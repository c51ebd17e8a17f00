namespace ResponseMonitor.App.Api.Authors;

/// <summary>What <c>DELETE /api/authors/{channelId}/{authorId}</c> removed and redacted, table by table.</summary>
/// <param name="ChannelId">The channel, as configured.</param>
/// <param name="AuthorId">The platform's author id on that channel.</param>
/// <param name="Removed">Rows deleted: <c>items</c>, <c>openComments</c>, <c>labels</c>.</param>
/// <param name="Redacted">Warning rows kept for the audit trail with the message replaced: <c>warnings</c>, <c>history</c>, <c>deliveries</c>.</param>
/// <param name="ModelsToRetrain">Brands whose critic model learnt from the author's labels: retrain them (docs/PRIVACY.md).</param>
/// <param name="ErasedAuthorRecorded">The author's key is on the channel's erased list: ingestion drops what the platform still serves of them.</param>
internal sealed record AuthorErasureResponse(
    string ChannelId,
    string AuthorId,
    IReadOnlyDictionary<string, int> Removed,
    IReadOnlyDictionary<string, int> Redacted,
    IReadOnlyList<string> ModelsToRetrain,
    bool ErasedAuthorRecorded);
