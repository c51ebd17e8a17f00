namespace ResponseMonitor.App.Cli;

/// <summary>A running monitor's answer to a verb: its status (0 when it could not be reached) and body.</summary>
internal sealed record RemoteAnswer(int Status, string? Body)
{
    public bool Succeeded => Status is >= 200 and < 300;
}
