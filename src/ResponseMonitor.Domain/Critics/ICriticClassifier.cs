namespace ResponseMonitor.Domain.Critics;

/// <summary>Tells critics from the rest. Deterministic and local: no network at run time.</summary>
public interface ICriticClassifier
{
    CriticVerdict Classify(string text);
}
