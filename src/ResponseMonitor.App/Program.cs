using ResponseMonitor.App.Cli;
using ResponseMonitor.App.Hosting;

if (CommandLineHelp.IsHelp(args))
{
    Console.Out.WriteLine(CommandLineHelp.Text);
    return 0;
}

// A verb runs one job and exits; a bad setting ends it with one line per setting, as for the app.
if (args.Length > 0 && args[0] == ImportCommand.Verb)
{
    return await StartupGuard.RunVerbAsync(() => ImportCommand.RunAsync(args[1..], Console.In, Console.Out, Console.Error), Console.Error);
}

if (args.Length > 0 && args[0] == TrainCriticsCommand.Verb)
{
    return await StartupGuard.RunVerbAsync(() => TrainCriticsCommand.RunAsync(args[1..], Console.In, Console.Out, Console.Error), Console.Error);
}

if (args.Length > 0 && args[0] is AuthorCommand.EraseVerb or AuthorCommand.ExportVerb)
{
    return await StartupGuard.RunVerbAsync(() => AuthorCommand.RunAsync(args[0], args[1..], Console.Out, Console.Error), Console.Error);
}

if (args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal))
{
    Console.Error.WriteLine($"Unknown verb '{args[0]}'. The verbs are import, train-critics, export-author and erase-author: dotnet ResponseMonitor.dll --help");
    return 1;
}

// Without one the program serves: as the Functions host's isolated worker when the host started it, standalone otherwise.
return FunctionsHostDetection.IsFunctionsWorker(args, Environment.GetEnvironmentVariable)
    ? await StartupGuard.RunAsync(() => WorkerHost.EnsureTriggerQueue(WorkerHost.Create(args)), Console.Error)
    : await StartupGuard.RunAsync(() => StandaloneHost.Create(args), Console.Error);
