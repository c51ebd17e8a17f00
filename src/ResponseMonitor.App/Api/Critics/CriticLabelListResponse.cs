namespace ResponseMonitor.App.Api.Critics;

/// <summary>A brand's labels, newest first: how many in all and of each kind, and a page of them.</summary>
/// <param name="Brand">The brand.</param>
/// <param name="Count">Every label of the brand.</param>
/// <param name="Critical">Of those, labelled critical.</param>
/// <param name="NotCritical">Of those, labelled not critical.</param>
/// <param name="Labels">This page.</param>
/// <param name="NextAfter">The <c>after</c> of the next page; null on the last.</param>
internal sealed record CriticLabelListResponse(string Brand, int Count, int Critical, int NotCritical, IReadOnlyList<CriticLabelDto> Labels, string? NextAfter = null);
