using System.Text.RegularExpressions;
using Azure.Messaging.ServiceBus;
using ResponseMonitor.Notifications.Sinks;

namespace ResponseMonitor.Notifications.ServiceBus;

/// <summary>What a Service Bus sink needs, checked at start-up: one way in, a namespace host and an entity name.</summary>
internal static partial class ServiceBusSinkValidation
{
    public static IEnumerable<string> Errors(string where, SinkOptions sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var hasConnectionString = !string.IsNullOrWhiteSpace(sink.ConnectionString);
        var hasNamespace = !string.IsNullOrWhiteSpace(sink.FullyQualifiedNamespace);
        if (hasConnectionString == hasNamespace)
        {
            yield return $"{where}: a servicebus sink needs either FullyQualifiedNamespace (managed identity) or ConnectionString, not both.";
            yield break;
        }

        if (hasNamespace && !HostName().IsMatch(sink.FullyQualifiedNamespace!))
        {
            yield return $"{where}:FullyQualifiedNamespace '{sink.FullyQualifiedNamespace}' is not a host name such as acme.servicebus.windows.net (no scheme, no path).";
        }

        string? connectionError = null;
        if (hasConnectionString)
        {
            try
            {
                var properties = ServiceBusConnectionStringProperties.Parse(sink.ConnectionString);
                if (properties.Endpoint is null)
                {
                    connectionError = "it has no Endpoint";
                }
            }
            catch (FormatException)
            {
                // The connection string holds a key: its content is never repeated.
                connectionError = "it is not a Service Bus connection string";
            }
        }

        if (connectionError is not null)
        {
            yield return $"{where}:ConnectionString: {connectionError}.";
            yield break;
        }

        var entity = ServiceBusSink.EntityOf(sink);
        if (!EntityName().IsMatch(entity))
        {
            yield return $"{where}:QueueOrTopic '{entity}' is not a queue or topic name (1-260 letters, digits, '.', '-', '_', '/').";
        }
    }

    [GeneratedRegex(@"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex HostName();

    // learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftservicebus
    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9._/-]{0,258}[A-Za-z0-9_])?$")]
    private static partial Regex EntityName();
}
