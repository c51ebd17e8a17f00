// The API's features, one folder and namespace each (Api/<Feature>/), used throughout the program: the route table,
// the JSON context and the HTTP functions name types of every feature.
global using ResponseMonitor.App.Api.Authors;
global using ResponseMonitor.App.Api.Classify;
global using ResponseMonitor.App.Api.Critics;
global using ResponseMonitor.App.Api.Dashboard;
global using ResponseMonitor.App.Api.DashboardPage;
global using ResponseMonitor.App.Api.Health;
global using ResponseMonitor.App.Api.Import;
global using ResponseMonitor.App.Api.Metrics;
global using ResponseMonitor.App.Api.Notifications;
global using ResponseMonitor.App.Api.ReadCache;
global using ResponseMonitor.App.Api.Silences;
global using ResponseMonitor.App.Api.Warnings;
global using ResponseMonitor.App.Api.Webhooks;

// Handlers answer with typed results (Results<Ok<T>, ProblemHttpResult, …>), as eShop's do.
global using Microsoft.AspNetCore.Http.HttpResults;
