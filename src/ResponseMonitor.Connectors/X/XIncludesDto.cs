namespace ResponseMonitor.Connectors.X;

public sealed class XIncludesDto
{
    public List<XUserDto>? Users { get; set; }
}
