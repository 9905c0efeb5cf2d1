using TorchSharp;

namespace Mrfi;

/// <summary>An observer that compares a faulty run with the golden run of the same batch.</summary>
/// <remarks>Before every faulty forward the engine gives each such observer the golden tensors of the same batch: recorded
/// once per sweep point and replayed (within <c>[run] golden_cache_mb</c>), or from a golden forward run just before.
/// A replayed tensor is shared by every trial, so never modify or dispose it; clone what you keep.</remarks>
public interface IGoldenAwareObserver : IObserver
{
    /// <summary>Sees the golden (fault-free) tensor of the batch that comes next.</summary>
    void UpdateGolden(torch.Tensor value);
}
