using ResponseMonitor.App;

var app = ResponseMonitorApp.Create(args);
app.Logger.LogInformation("ResponseMonitor starting");
app.Run();
