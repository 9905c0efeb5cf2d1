using TorchSharp;

namespace Mrfi;

/// <summary>An observer that compares a faulty run with the golden run of the same batch.</summary>
/// <remarks>When any such observer is configured, the engine runs a golden forward
/// immediately before every faulty forward.</remarks>
public interface IGoldenAwareObserver : IObserver
{
    /// <summary>Sees the golden (fault-free) tensor of the batch that comes next.</summary>
    void UpdateGolden(torch.Tensor value);
}
