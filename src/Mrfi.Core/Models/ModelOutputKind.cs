namespace Mrfi.Core.Models;

/// <summary>What a model's output means.</summary>
internal enum ModelOutputKind
{
    /// <summary>[N, classes] logits: the classification metrics apply.</summary>
    Classes,

    /// <summary>Anything else (embeddings, detection heads, several outputs): compared with the golden output.</summary>
    Tensors,
}
