namespace ResponseMonitor.Connectors.X;

internal sealed class XIncludesDto
{
    public List<XUserDto>? Users { get; set; }
}
