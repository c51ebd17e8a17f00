using ResponseMonitor.App.Cli;
using ResponseMonitor.App.Hosting;

// A verb runs one job and exits.
if (args.Length > 0 && args[0] == ImportCommand.Verb)
{
    return await ImportCommand.RunAsync(args[1..], Console.In, Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == TrainCriticsCommand.Verb)
{
    return await TrainCriticsCommand.RunAsync(args[1..], Console.In, Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] is AuthorCommand.EraseVerb or AuthorCommand.ExportVerb)
{
    return await AuthorCommand.RunAsync(args[0], args[1..], Console.Out, Console.Error);
}

// Without one the program serves: as the Functions host's isolated worker when the host started it, standalone otherwise.
return FunctionsHostDetection.IsFunctionsWorker(args, Environment.GetEnvironmentVariable)
    ? await StartupGuard.RunAsync(() => WorkerHost.EnsureTriggerQueue(WorkerHost.Create(args)), Console.Error)
    : await StartupGuard.RunAsync(() => StandaloneHost.Create(args), Console.Error);
