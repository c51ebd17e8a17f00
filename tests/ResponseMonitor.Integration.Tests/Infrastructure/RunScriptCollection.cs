namespace ResponseMonitor.Integration.Tests.Infrastructure;

/// <summary>The ./run.sh tests, run while no other test class starts an app on a port of its own choosing.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunScriptCollection
{
    public const string Name = "run.sh";
}
