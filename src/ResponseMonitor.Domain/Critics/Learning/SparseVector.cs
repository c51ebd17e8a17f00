namespace ResponseMonitor.Domain.Critics.Learning;

/// <summary>A feature vector by its non-zero entries, indices ascending.</summary>
public sealed record SparseVector(int[] Indices, float[] Values);
