using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Storage.Secrets;

/// <summary>Registration of the Key Vault that rotated channel secrets are written to.</summary>
public static class SecretVaultServiceCollectionExtensions
{
    /// <summary>
    /// With <c>Secrets:VaultUri</c>, rotated channel secrets are written to that Key Vault; without it nothing is
    /// registered and the connectors hold them in memory, warning that the setting must be updated.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">Where <c>Secrets:*</c> is read.</param>
    /// <param name="secretNameOf">Given the services, which vault secret holds a channel's secret.</param>
    public static IServiceCollection AddSecretVault(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, Func<string, string, string?>> secretNameOf)
    {
        var options = configuration.GetSection(SecretVaultOptions.SectionName).Get<SecretVaultOptions>();
        if (options?.VaultUri is not { } vault)
        {
            return services;
        }

        services.AddSingleton<ISecretWriter>(sp =>
        {
            TokenCredential credential = string.IsNullOrWhiteSpace(options.ClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
            return new KeyVaultSecretWriter(new SecretClient(vault, credential), secretNameOf(sp));
        });
        return services;
    }
}
