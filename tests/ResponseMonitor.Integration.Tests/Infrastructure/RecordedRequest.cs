namespace ResponseMonitor.Integration.Tests.Infrastructure;

public sealed record RecordedRequest(string Method, string PathAndQuery, string Body, string Authorization);
