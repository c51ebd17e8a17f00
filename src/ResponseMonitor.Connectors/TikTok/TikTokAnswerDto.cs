namespace ResponseMonitor.Connectors.TikTok;

/// <summary>
/// TikTok API for Business's envelope: every answer, success or not, is <c>{code, message, request_id, data}</c>, and
/// the code takes precedence over the HTTP status (https://business-api.tiktok.com/portal/docs?id=1737172488964097).
/// </summary>
internal sealed class TikTokAnswerDto<T>
{
    public long Code { get; set; }

    public string? Message { get; set; }

    public string? RequestId { get; set; }

    public T? Data { get; set; }
}
