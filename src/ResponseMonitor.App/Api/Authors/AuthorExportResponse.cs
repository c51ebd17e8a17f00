namespace ResponseMonitor.App.Api.Authors;

/// <summary>Everything stored about one author on one channel (GDPR Article 15), from <c>GET /api/authors/{channelId}/{authorId}</c>.</summary>
internal sealed record AuthorExportResponse(
    string ChannelId,
    string AuthorId,
    DateTimeOffset ExportedAt,
    IReadOnlyList<AuthorItemDto> Items,
    IReadOnlyList<UnansweredItemDto> OpenComments,
    IReadOnlyList<CriticLabelDto> Labels,
    IReadOnlyList<WarningDto> Warnings,
    IReadOnlyList<WarningHistoryDto> History,
    IReadOnlyList<DeliveryDto> Deliveries);
