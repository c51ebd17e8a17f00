namespace ResponseMonitor.Domain.Ports;

/// <summary>Where each brand's trained critic model is kept (a blob per brand): bytes in, bytes out.</summary>
public interface ICriticModelStore
{
    /// <summary>The brand's model, or null when it has none.</summary>
    Task<byte[]?> GetAsync(string brand, CancellationToken cancellationToken);

    /// <summary>Stores a brand's trained model, replacing the previous one.</summary>
    Task SaveAsync(string brand, byte[] model, CancellationToken cancellationToken);

    /// <summary>Removes the brand's model; false when there was none.</summary>
    Task<bool> DeleteAsync(string brand, CancellationToken cancellationToken);
}
