namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>How many comments sit under a post or comment (Social Actions API <c>commentsSummary</c>).</summary>
internal sealed class LinkedInCommentsSummaryDto
{
    public int? TotalFirstLevelComments { get; set; }

    public int? AggregatedTotalComments { get; set; }
}
