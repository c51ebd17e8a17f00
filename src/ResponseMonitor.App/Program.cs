using ResponseMonitor.App;
using ResponseMonitor.App.Cli;

// A verb runs one job and exits; without one the app serves (standalone or under the Functions host).
if (args.Length > 0 && args[0] == ImportCommand.Verb)
{
    return await ImportCommand.RunAsync(args[1..], Console.In, Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == TrainCriticsCommand.Verb)
{
    return await TrainCriticsCommand.RunAsync(args[1..], Console.In, Console.Out, Console.Error);
}

var app = ResponseMonitorApp.Create(args);
app.Logger.LogInformation("ResponseMonitor starting");
await app.RunAsync();
return 0;
