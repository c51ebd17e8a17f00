using System.ComponentModel.DataAnnotations;

namespace ResponseMonitor.Domain.Analysis;

/// <summary><c>Analysis:*</c>: the window response figures cover.</summary>
public sealed class AnalysisOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Analysis";

    /// <summary>How far back response times and the response rate look. Open messages are carried however old.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "366.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(30);
}
