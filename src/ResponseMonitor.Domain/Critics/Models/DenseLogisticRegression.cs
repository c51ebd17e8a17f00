namespace ResponseMonitor.Domain.Critics.Models;

/// <summary>
/// Logistic regression on dense features by full-batch gradient descent with L2 and balanced class weights:
/// deterministic (no sampling), so the same data give the same head.
/// </summary>
internal static class DenseLogisticRegression
{
    /// <summary>Fits the weights and bias; <paramref name="sampleWeights"/> (all 1 when null) weigh each example, and the
    /// classes are balanced over those weights.</summary>
    public static (double[] Weights, double Bias) Fit(IReadOnlyList<double[]> features, IReadOnlyList<bool> labels, double l2 = 1e-3, int iterations = 400, double learningRate = 1.0, IReadOnlyList<double>? sampleWeights = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        var n = features.Count;
        var dimension = features[0].Length;
        var sample = sampleWeights ?? [.. Enumerable.Repeat(1.0, n)];
        var positives = Enumerable.Range(0, n).Where(i => labels[i]).Sum(i => sample[i]);
        var total = sample.Sum();
        var weightPositive = total / (2.0 * Math.Max(double.Epsilon, positives));
        var weightNegative = total / (2.0 * Math.Max(double.Epsilon, total - positives));
        var weights = new double[dimension];
        double bias = 0;
        var gradient = new double[dimension];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(gradient);
            double biasGradient = 0;
            for (var i = 0; i < n; i++)
            {
                var x = features[i];
                var error = (Probability(weights, bias, x) - (labels[i] ? 1 : 0)) * (labels[i] ? weightPositive : weightNegative) * sample[i];
                for (var d = 0; d < dimension; d++)
                {
                    gradient[d] += error * x[d];
                }

                biasGradient += error;
            }

            for (var d = 0; d < dimension; d++)
            {
                weights[d] -= learningRate * ((gradient[d] / total) + (l2 * weights[d]));
            }

            bias -= learningRate * biasGradient / total;
        }

        return (weights, bias);
    }

    public static double Probability(double[] weights, double bias, double[] x)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(x);
        var sum = bias;
        for (var d = 0; d < x.Length; d++)
        {
            sum += weights[d] * x[d];
        }

        return 1 / (1 + Math.Exp(-sum));
    }

    /// <summary>The threshold of best F1 of the positive class on (probability, label) pairs; the middle of ties.</summary>
    public static (double Threshold, double F1) BestThreshold(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        double best = -1, low = 0.5, high = 0.5;
        for (var t = 0.05; t < 0.951; t += 0.01)
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < probabilities.Count; i++)
            {
                var predicted = probabilities[i] >= t;
                tp += predicted && labels[i] ? 1 : 0;
                fp += predicted && !labels[i] ? 1 : 0;
                fn += !predicted && labels[i] ? 1 : 0;
            }

            var f1 = tp == 0 ? 0 : 2.0 * tp / ((2.0 * tp) + fp + fn);
            if (f1 > best + 1e-9)
            {
                (best, low, high) = (f1, t, t);
            }
            else if (Math.Abs(f1 - best) <= 1e-9 && Math.Abs(t - high - 0.01) < 1e-6)
            {
                high = t;
            }
        }

        return (Math.Round((low + high) / 2, 3), best);
    }
}
