using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Handling;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.App.Api.Handled;

/// <summary>What marking a comment handled uses, bound from services as one <c>[AsParameters]</c> argument.</summary>
internal sealed record HandledServices(IChannelCatalog Catalog, HandledMarkService Handling, IHandledMarkStore Marks);
