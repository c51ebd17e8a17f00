using ResponseMonitor.Domain.Estate;

namespace ResponseMonitor.Domain.Ports;

/// <summary>The estate's totals as last computed: one record, replaced whole by each computation.</summary>
public interface IEstateTotalsStore
{
    /// <summary>The last totals saved; null before the first.</summary>
    Task<EstateTotals?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the stored totals with these, whole.</summary>
    Task SaveAsync(EstateTotals totals, CancellationToken cancellationToken);
}
