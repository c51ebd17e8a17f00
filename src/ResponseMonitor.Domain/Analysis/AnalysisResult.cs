using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Domain.Analysis;

/// <summary>What one run of the AnalyzeChannel function did.</summary>
public sealed record AnalysisResult(ChannelSnapshot Snapshot, int WarningsRaised, int WarningsResolved);
