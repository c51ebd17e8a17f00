namespace ResponseMonitor.App.Api.Critics;

/// <summary>Precision, recall and F1 of "critical", with the confusion counts.</summary>
internal sealed record DetectionQualityDto(double Precision, double Recall, double F1, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives);
