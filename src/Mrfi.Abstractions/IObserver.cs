using TorchSharp;

namespace Mrfi;

/// <summary>Watches a tensor (a layer's input or output) over the batches of one trial.</summary>
public interface IObserver
{
    /// <summary>Forgets everything seen so far; called at the start of every trial.</summary>
    void Reset();

    /// <summary>Sees one batch of the tensor; the tensor is owned by the caller.</summary>
    void Update(torch.Tensor value);

    /// <summary>Returns the named metrics accumulated since the last <see cref="Reset"/>.</summary>
    IReadOnlyList<ObserverMetric> Result();
}
