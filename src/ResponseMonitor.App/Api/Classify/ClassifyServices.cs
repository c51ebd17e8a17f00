using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Critics.Learning;

namespace ResponseMonitor.App.Api.Classify;

/// <summary>What classifying uses, bound from services as one <c>[AsParameters]</c> argument.</summary>
internal sealed record ClassifyServices(ICriticClassifier Detector, IChannelCatalog Catalog, CriticModelService Models);
