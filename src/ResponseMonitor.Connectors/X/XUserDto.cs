namespace ResponseMonitor.Connectors.X;

/// <summary>An X API v2 User, in part (from <c>includes.users</c>).</summary>
internal sealed class XUserDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Username { get; set; }
}
