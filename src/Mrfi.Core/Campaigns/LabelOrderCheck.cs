using System.Globalization;
using static TorchSharp.torch;

namespace Mrfi.Core.Campaigns;

/// <summary>Looks at the golden predictions for signs that the data's labels are numbered in another order than the model's
/// (a folder dataset numbered alphabetically, say): accuracy at chance level, or predictions that agree with the labels
/// under a permutation of the classes. Such a campaign gives plausible but wrong numbers, so the run warns.</summary>
internal static class LabelOrderCheck
{
    /// <summary>The warning for golden outputs <paramref name="golden"/> (logits [B, K] per batch) against the batches' labels,
    /// or null when nothing looks wrong. <paramref name="names"/>: the class name of each label, to name them in the warning.</summary>
    public static string? Warning(IReadOnlyList<(Tensor Images, Tensor Labels)> batches, IReadOnlyList<Tensor> golden,
        IReadOnlyList<string>? names)
    {
        if (golden.Count == 0 || golden[0].dim() != 2) return null;
        long classes = golden[0].shape[1];
        var counts = new Dictionary<(long Label, long Predicted), long>();
        long n = 0, correct = 0;
        for (int b = 0; b < golden.Count && b < batches.Count; b++)
        {
            using var predicted = golden[b].argmax(1).cpu();
            using var labels = batches[b].Labels.to_type(ScalarType.Int64).cpu();
            var p = predicted.data<long>().ToArray();
            var l = labels.data<long>().ToArray();
            for (int i = 0; i < p.Length && i < l.Length; i++)
            {
                counts[(l[i], p[i])] = counts.GetValueOrDefault((l[i], p[i])) + 1;
                n++;
                if (l[i] == p[i]) correct++;
            }
        }
        if (n == 0 || classes < 2) return null;
        double accuracy = correct / (double)n;
        string hint = "is the class order right? For format = \"folder\", [data] classes = [...] gives each label its folder in the " +
            "model's order";
        // Each label's most frequent prediction: if these are distinct classes and explain far more images than the labels
        // do, the labels are most likely a permutation of the model's classes.
        var best = counts.GroupBy(c => c.Key.Label).Select(g => g.MaxBy(c => c.Value)).ToList();
        long explained = best.Sum(c => c.Value);
        bool permutation = best.Select(c => c.Key.Predicted).Distinct().Count() == best.Count;
        if (permutation && explained >= 2 * correct && explained - correct >= 0.2 * n)
        {
            var moved = best.Where(c => c.Key.Label != c.Key.Predicted).OrderBy(c => c.Key.Label).Take(3)
                .Select(c => $"label {c.Key.Label}{Name(names, c.Key.Label)} is mostly predicted as {c.Key.Predicted}");
            return $"golden accuracy {accuracy.ToString("P1", CultureInfo.InvariantCulture)}, but " +
                $"{(explained / (double)n).ToString("P1", CultureInfo.InvariantCulture)} of the images "
                + $"would be right under another numbering of the classes ({string.Join("; ", moved)}): {hint}";
        }
        if (accuracy <= 1.5 / classes)
            return $"golden accuracy {accuracy.ToString("P1", CultureInfo.InvariantCulture)} is at chance level for {classes} classes " +
                $"({(1.0 / classes).ToString("P1", CultureInfo.InvariantCulture)}): {hint}";
        return null;
    }

    private static string Name(IReadOnlyList<string>? names, long label) =>
        names is not null && label >= 0 && label < names.Count ? $" ('{names[(int)label]}')" : "";
}
