namespace ResponseMonitor.App.Api.Critics;

/// <summary>A brand's labels, newest first: how many in all and of each kind, and the first <c>limit</c> of them.</summary>
public sealed record CriticLabelListResponse(string Brand, int Count, int Critical, int NotCritical, IReadOnlyList<CriticLabelDto> Labels);
