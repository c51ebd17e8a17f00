using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResponseMonitor.App.Api;

/// <summary>Source-generated JSON for everything the app reads or writes over HTTP: camelCase, nulls kept explicit.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DashboardResponse))]
[JsonSerializable(typeof(Authors.AuthorExportResponse))]
[JsonSerializable(typeof(Authors.AuthorErasureResponse))]
[JsonSerializable(typeof(ChannelDetailResponse))]
[JsonSerializable(typeof(UnansweredResponse))]
[JsonSerializable(typeof(WarningListResponse))]
[JsonSerializable(typeof(WarningHistoryResponse))]
[JsonSerializable(typeof(SilenceRequest))]
[JsonSerializable(typeof(SilenceDto))]
[JsonSerializable(typeof(SilenceListResponse))]
[JsonSerializable(typeof(DeliveryDto))]
[JsonSerializable(typeof(DeliveryListResponse))]
[JsonSerializable(typeof(MetricsResponse))]
[JsonSerializable(typeof(ExclusionListResponse))]
[JsonSerializable(typeof(DailyMetricsResponse))]
[JsonSerializable(typeof(ImportResponse))]
[JsonSerializable(typeof(ImportJobResponse))]
[JsonSerializable(typeof(ClassifyRequest))]
[JsonSerializable(typeof(ClassifyResponse))]
[JsonSerializable(typeof(CriticTrainingResponse))]
[JsonSerializable(typeof(CriticModelResponse))]
[JsonSerializable(typeof(CriticLabelRequest))]
[JsonSerializable(typeof(CriticLabelListResponse))]
[JsonSerializable(typeof(CriticLabelsStoredResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(WebhookAcceptedResponse))]
[JsonSerializable(typeof(Handled.HandledRequest))]
[JsonSerializable(typeof(Handled.HandledMarkResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
