namespace ResponseMonitor.Domain.Critics.Models;

/// <summary>
/// A logistic head over a text's MiniLM embedding and the lexicon's signals (<see cref="LexiconSignals"/>), with the
/// threshold calibrated on a held-out part of its training data. Stored as JSON beside the lexicons; a few kilobytes.
/// </summary>
public sealed record EmbeddingCriticHead(
    string Language,
    IReadOnlyList<double> Weights,
    double Bias,
    double Threshold,
    int Examples,
    double CalibrationF1,
    IReadOnlyList<string> TrainedOn)
{
    /// <summary>How many inputs the head weighs: the embedding's dimensions and the lexicon's signals.</summary>
    public int Dimension => MiniLmEncoder.Dimensions + LexiconSignals.Count;

    /// <summary>The probability that the text is critical.</summary>
    public double Probability(float[] embedding, double[] signals)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        ArgumentNullException.ThrowIfNull(signals);
        var sum = Bias;
        for (var d = 0; d < embedding.Length; d++)
        {
            sum += Weights[d] * embedding[d];
        }

        for (var k = 0; k < signals.Length; k++)
        {
            sum += Weights[embedding.Length + k] * signals[k];
        }

        return 1 / (1 + Math.Exp(-sum));
    }
}
