namespace ResponseMonitor.Storage.Secrets;

/// <summary>The Key Vault where a channel's secrets live, for secrets a platform rotates (docs/CHANNELS.md, Reddit).</summary>
internal sealed class SecretVaultOptions
{
    public const string SectionName = "Secrets";

    /// <summary>https://{vault}.vault.azure.net/; empty: no vault, rotated secrets are held in memory only.</summary>
    public Uri? VaultUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty uses DefaultAzureCredential.</summary>
    public string? ClientId { get; set; }
}
