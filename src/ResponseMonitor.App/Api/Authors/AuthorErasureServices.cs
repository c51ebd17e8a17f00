using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Privacy;

namespace ResponseMonitor.App.Api.Authors;

/// <summary>What erasing an author uses, bound from services as one <c>[AsParameters]</c> argument.</summary>
internal sealed record AuthorErasureServices(IChannelCatalog Catalog, PersonalDataService Data, IPersonalDataStore Store, ApiReadCache Reads);
