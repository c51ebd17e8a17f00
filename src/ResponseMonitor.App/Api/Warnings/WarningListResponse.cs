namespace ResponseMonitor.App.Api.Warnings;

/// <summary>Warnings, newest change first; <see cref="Truncated"/> says that more matched than <c>limit</c> let through.</summary>
public sealed record WarningListResponse(IReadOnlyList<WarningDto> Items, bool Truncated);
