using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Storage.Blobs;
using ResponseMonitor.Storage.Imports;
using ResponseMonitor.Storage.Locks;
using ResponseMonitor.Storage.Queues;
using ResponseMonitor.Storage.Tables;

namespace ResponseMonitor.Storage;

/// <summary>Registration of the Azure Storage implementations of the domain's ports.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Azure Storage implementations of the ports. Settings come from <c>Storage</c>, falling back to the
    /// Functions host's own <c>AzureWebJobsStorage</c> (connection string) or <c>AzureWebJobsStorage__*</c> (identity).
    /// </summary>
    public static IServiceCollection AddAzureStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .PostConfigure(o =>
            {
                var webJobs = configuration.GetSection("AzureWebJobsStorage");
                o.ConnectionString ??= webJobs.Value;
                o.TableServiceUri ??= webJobs.GetValue<Uri?>("tableServiceUri");
                o.QueueServiceUri ??= webJobs.GetValue<Uri?>("queueServiceUri");
                o.BlobServiceUri ??= webJobs.GetValue<Uri?>("blobServiceUri");
                o.ClientId ??= webJobs.GetValue<string?>("clientId");
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<StorageClients>();
        services.AddSingleton<TableProvider>();
        services.AddSingleton<IItemStore, TableItemStore>();
        services.AddSingleton<IItemVerdictStore, TableItemVerdictStore>();
        services.AddSingleton<IChannelStateStore, TableChannelStateStore>();
        services.AddSingleton<IOpenCommentStore, TableOpenCommentStore>();
        services.AddSingleton<ISnapshotStore, TableSnapshotStore>();
        services.AddSingleton<IWarningStore, TableWarningStore>();
        services.AddSingleton<ISilenceStore, TableSilenceStore>();
        services.AddSingleton<ICriticLabelStore, TableCriticLabelStore>();
        services.AddSingleton<IHandledMarkStore, TableHandledMarkStore>();
        services.AddSingleton<IPersonalDataStore, TablePersonalDataStore>();
        services.AddSingleton<QueueProvider>();
        services.AddSingleton<StorageAnalysisQueue>();
        services.AddSingleton<StoragePollQueue>();
        services.AddSingleton<IPollQueue>(sp => sp.GetRequiredService<StoragePollQueue>());
        services.AddSingleton<IAnalysisQueue>(sp => sp.GetRequiredService<StorageAnalysisQueue>());
        services.AddSingleton<StorageImportQueue>();
        services.AddSingleton<IImportQueue>(sp => sp.GetRequiredService<StorageImportQueue>());
        services.AddSingleton<IImportJobStore, BlobImportJobStore>();
        services.AddSingleton<BlobLeaseLock>();
        services.AddSingleton<ICriticModelStore, BlobCriticModelStore>();
        services.AddSingleton<IEstateTotalsStore, BlobEstateTotalsStore>();
        return services;
    }
}
