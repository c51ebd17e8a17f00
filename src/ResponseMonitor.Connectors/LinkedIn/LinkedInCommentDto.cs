using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>
/// A comment of the Comments API (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api):
/// its URN, the actor (a person, or the organization when the page answers), the text, and <c>created</c> and
/// <c>lastModified</c> (epoch milliseconds); a reply names its <c>parentComment</c>.
/// </summary>
internal sealed class LinkedInCommentDto
{
    [JsonPropertyName("$URN")]
    public string? Urn { get; set; }

    public string? CommentUrn { get; set; }

    public string? Id { get; set; }

    public string? Actor { get; set; }

    public string? Object { get; set; }

    public string? ParentComment { get; set; }

    public LinkedInStampDto? Created { get; set; }

    public LinkedInStampDto? LastModified { get; set; }

    public LinkedInMessageDto? Message { get; set; }

    public LinkedInCommentsSummaryDto? CommentsSummary { get; set; }
}
