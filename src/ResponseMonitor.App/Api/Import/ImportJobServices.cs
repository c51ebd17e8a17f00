using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.App.Api.Import;

/// <summary>What starting an import job uses, bound from services as one <c>[AsParameters]</c> argument.</summary>
internal sealed record ImportJobServices(IImportJobStore Jobs, IImportQueue Queue, TimeProvider Time);
