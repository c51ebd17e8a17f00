using System.ComponentModel.DataAnnotations;

namespace ResponseMonitor.Domain.Analysis;

public sealed class AnalysisOptions
{
    public const string SectionName = "Analysis";

    /// <summary>How far back response times and the response rate look. Open messages are carried however old.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "366.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(30);
}
