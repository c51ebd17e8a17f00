namespace ResponseMonitor.Browser.Tests.Infrastructure;

/// <summary>One app and one browser for every page test: starting chromium and polling the demo once is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
