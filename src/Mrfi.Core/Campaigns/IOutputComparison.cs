using static TorchSharp.torch;

namespace Mrfi.Core.Campaigns;

/// <summary>How a model's outputs are scored: against the labels (accuracy) and against the golden outputs (outcome classes).</summary>
internal interface IOutputComparison
{
    /// <summary>Whether the outputs are class scores: accuracy, top-5 and critical SDCs mean something.</summary>
    bool Classifies { get; }

    /// <summary>The name written to trials.parquet's <c>output</c> column: <c>classes</c> or <c>tensor</c>.</summary>
    string Name { get; }

    /// <summary>Correct predictions in a batch (0 where the outputs are not class scores).</summary>
    long Correct(Tensor output, Tensor labels);

    /// <summary>Adds one batch of a trial: faulty <paramref name="output"/> against <paramref name="golden"/>.</summary>
    void Add(TrialOutcome outcome, Tensor output, Tensor golden, Tensor labels);
}
